/**
 * Renders the demo contracts: lays the text out on A4 pages (595 × 842 pt), draws each page as
 * an SVG stamped with the committed values (signatures, seals, paging-seal slices, dates, text,
 * check boxes), and produces the canonical content the document hash is computed over.
 * Deterministic: the same flow data and values give the same pages, byte for byte.
 */
import type { LaidOutText } from '@/domain/pdf/pages'
import { pagingSliceOf } from '@/domain/contract/pagingSeal'
import { svgDataUrl } from '@/domain/contract/base64'
import { escapeXml, sealSvgInner } from '@/domain/seal/svg'
import type { SealSpec } from '@/domain/seal/geometry'
import type { Field, FieldType } from '@/services/types'
import { hostedSupport } from './hostedSupport'
import { GENERAL_TITLES, type Clause, type ContractSpec } from './signingDemo'

export const PAGE_W = 595
export const PAGE_H = 842
export const PAGE_FONT = "'SimSun','Songti SC',serif"
const SIGNATURE_FONT = "'STKaiti','KaiTi','Kaiti SC',serif"

const MARGIN_X = 60
const TOP = 72
const BOTTOM = PAGE_H - 70
const BODY_SIZE = 12
const LINE_H = 21
const TEXT_W = PAGE_W - 2 * MARGIN_X

/** A piece of text on a page (baseline y): the same item the PDF of record is made from. */
export type TextItem = LaidOutText

/** A seal printed on the issued document (px, top-left, diameter). */
export interface SealItem {
  x: number
  y: number
  size: number
  spec: SealSpec
}

export interface PageModel {
  index: number
  width: number
  height: number
  items: TextItem[]
  seals: SealItem[]
  /** A hosted contract's page (sandbox/host): the image the host's browser rendered, a blob by SHA-256 */
  image?: { hash: string; mime: string }
}

/** The base64 of a page image blob, or null when this sandbox no longer has it. */
export type PageImageSource = (hash: string) => string | null

/** A committed value as the renderer needs it. */
export interface RenderValue {
  fieldId: string
  kind: FieldType
  /** base64 PNG (no prefix) of a handwritten/system signature image, or null when archived */
  png?: string | null
  /** A system signature drawn as text (the signer's name) */
  systemName?: string
  seal?: SealSpec
  text?: string
  checked?: boolean
}

// ------------------------------------------------------------------ text layout

function charWidth(ch: string, size: number): number {
  const c = ch.codePointAt(0) ?? 0
  if (c < 0x80) return size * (ch === ' ' ? 0.3 : 0.55)
  return size
}

const NO_LINE_START = '，。、；：？！）》」』”’%'

/** Wraps a paragraph into lines that fit `width` (first line indented by `indent` px). */
export function wrapText(text: string, size: number, width: number, indent = 0): { text: string; indent: number }[] {
  const lines: { text: string; indent: number }[] = []
  let cur = ''
  let w = indent
  let ind = indent
  for (const ch of text) {
    const cw = charWidth(ch, size)
    if (w + cw > width && cur && !NO_LINE_START.includes(ch)) {
      lines.push({ text: cur, indent: ind })
      cur = ''
      w = 0
      ind = 0
    }
    cur += ch
    w += cw
  }
  if (cur) lines.push({ text: cur, indent: ind })
  return lines
}

const DIGITS = '零一二三四五六七八九'

/** 1 → 一, 12 → 十二, 105 → 一百零五, 1234 → 一千二百三十四 (up to 9999). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  const units = ['', '十', '百', '千']
  const ds = String(n).split('').map(Number)
  let out = ''
  let zero = false
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]
    if (d === 0) zero = true
    else {
      if (zero && out) out += '零'
      zero = false
      out += DIGITS[d] + unit
    }
  })
  return out
}

const SENTENCES = [
  '{S}应本着诚实信用的原则履行本条约定，任何一方不得利用{O}损害对方的合法权益。',
  '与{O}有关的通知应以书面形式发出，送达本协议首页所列地址或双方确认的电子邮箱即视为送达。',
  '{S}对在履行本协议过程中知悉的对方商业秘密负有保密义务，该义务不因本协议的终止而免除。',
  '因一方原因导致{O}无法按约履行的，该方应在三个工作日内书面通知对方，并采取合理措施减少损失。',
  '本条所称“工作日”，指中华人民共和国法定工作日；所称“以上”“以内”均包括本数。',
  '{S}确认，已就{O}相关条款进行了充分协商，对各项权利义务均已理解并同意。',
  '任何一方未行使或迟延行使本协议项下的权利，不构成对该权利的放弃。',
  '本协议任何条款被认定为无效或不可执行的，不影响其他条款的效力。',
  '{S}应遵守国家有关个人信息保护的法律法规，仅在履行本协议所必需的范围内处理个人信息。',
  '与{O}相关的税费，由{S}依照法律法规的规定各自承担。',
  '对本条的任何修改或补充，须经{S}书面确认后方可生效。',
  '{S}应保存与{O}有关的记录不少于五年，并在对方合理要求时提供查阅。',
  '第{n}项约定的履行期限届满后，{S}应在十个工作日内完成对账与结算。',
  '因不可抗力致使{O}不能履行的，受影响一方可在不可抗力影响的范围内免除责任。'
]

/** The n-th generated clause (0-based) of a long document. */
function generatedClause(spec: ContractSpec, n: number): Clause {
  const title =
    GENERAL_TITLES[n % GENERAL_TITLES.length] + (n >= GENERAL_TITLES.length ? `（${chineseNumber(Math.floor(n / GENERAL_TITLES.length) + 1)}）` : '')
  const fill = (s: string) =>
    s
      .replace(/\{S\}/g, spec.filler.subject)
      .replace(/\{O\}/g, spec.filler.object)
      .replace(/\{n\}/g, chineseNumber((n % 9) + 1))
  const count = 2 + (n % 3)
  const paragraphs: string[] = []
  // Consecutive sentences from a rotating start: no sentence repeats within a clause.
  const base = n * 5
  for (let j = 0; j < count; j++) {
    const a = SENTENCES[(base + 2 * j) % SENTENCES.length]
    const b = SENTENCES[(base + 2 * j + 1) % SENTENCES.length]
    paragraphs.push(fill(j % 2 === 0 ? a + b : a))
  }
  return { title, paragraphs }
}

interface Line {
  text: string
  indent: number
  bold?: boolean
}

function clauseLines(c: Clause, no: number): Line[] {
  const lines: Line[] = [{ text: `第${chineseNumber(no)}条　${c.title}`, indent: 0, bold: true }]
  for (const p of c.paragraphs) for (const l of wrapText(p, BODY_SIZE, TEXT_W, BODY_SIZE * 2)) lines.push(l)
  return lines
}

/** Resolves a spec page index (negative counts from the end). */
export function resolvePage(page: number, pageCount: number): number {
  return page < 0 ? pageCount + page : page
}

/** Where body text must stop on a page (px from top), above any placed text or field. */
function bodyBottom(spec: ContractSpec, page: number, pageCount: number): number {
  let bottom = BOTTOM
  for (const t of spec.texts) if (resolvePage(t.page, pageCount) === page) bottom = Math.min(bottom, t.y * PAGE_H - 14)
  for (const f of spec.fields) {
    if (f.type === 'SIGN_PAGING_SEAL' || resolvePage(f.page, pageCount) !== page) continue
    bottom = Math.min(bottom, f.y * PAGE_H - 26)
  }
  return bottom
}

const layoutCache = new Map<string, PageModel[]>()

/**
 * Lays the contract out on exactly `pageCount` pages: title, parties and preamble on the first,
 * the clauses (the spec's own, then generated ones) flowing over the pages, the final clauses
 * on the last page above its signature blocks. Cached by `cacheKey`.
 */
export function layoutContract(spec: ContractSpec, title: string, pageCount: number, cacheKey: string): PageModel[] {
  const hit = layoutCache.get(cacheKey)
  if (hit) return hit
  const pages: PageModel[] = []
  let clauseNo = 0
  let specIdx = 0
  let genIdx = 0
  let queue: Line[] = []
  const nextClause = (): Line[] => {
    clauseNo++
    const c = specIdx < spec.clauses.length ? spec.clauses[specIdx++] : generatedClause(spec, genIdx++)
    return clauseLines(c, clauseNo)
  }

  for (let p = 0; p < pageCount; p++) {
    const items: TextItem[] = []
    const header = (text: string, x: number, anchor: TextItem['anchor']) => items.push({ x, y: 40, text, size: 9, anchor, color: '#8a8a8a' })
    header(title, MARGIN_X, 'start')
    header(`合同编号：${spec.contractNo}`, PAGE_W - MARGIN_X, 'end')
    items.push({ x: PAGE_W / 2, y: PAGE_H - 32, text: `第 ${p + 1} 页 / 共 ${pageCount} 页`, size: 9, anchor: 'middle', color: '#8a8a8a' })

    let y = TOP
    const bottom = bodyBottom(spec, p, pageCount)
    const put = (l: Line) => {
      items.push({ x: MARGIN_X + l.indent, y: y + BODY_SIZE, text: l.text, size: BODY_SIZE, bold: l.bold })
      y += LINE_H
    }
    const fits = () => y + LINE_H <= bottom

    if (p === 0) {
      items.push({ x: PAGE_W / 2, y: y + 24, text: title, size: 22, bold: true, anchor: 'middle' })
      y += 48
      for (const l of spec.partyLines) put({ text: l, indent: 0 })
      y += LINE_H / 2
      for (const l of wrapText(spec.preamble, BODY_SIZE, TEXT_W, BODY_SIZE * 2)) put(l)
      y += LINE_H / 2
    }
    const last = p === pageCount - 1
    if (!last) {
      // On the page before the last, only whole clauses: the last page holds the final clauses.
      const wholeOnly = p === pageCount - 2
      while (fits()) {
        if (!queue.length) {
          if (wholeOnly) {
            const room = Math.floor((bottom - y) / LINE_H)
            const save = { clauseNo, specIdx, genIdx }
            const next = nextClause()
            if (next.length > room) {
              ;({ clauseNo, specIdx, genIdx } = save)
              break
            }
            queue = next
          } else queue = nextClause()
        }
        put(queue.shift() as Line)
      }
    } else {
      const rest = queue.concat(...spec.finalClauses.map((c) => clauseLines(c, ++clauseNo)))
      for (const l of rest) {
        if (!fits()) break
        put(l)
      }
    }
    for (const t of spec.texts) {
      if (resolvePage(t.page, pageCount) !== p) continue
      const size = t.size ?? BODY_SIZE
      items.push({ x: t.x * PAGE_W, y: t.y * PAGE_H + size, text: t.text, size, bold: t.bold })
    }
    const seals: SealItem[] = (spec.seals ?? [])
      .filter((x) => resolvePage(x.page, pageCount) === p)
      .map((x) => ({ x: x.x * PAGE_W, y: x.y * PAGE_H, size: x.size * PAGE_W, spec: { text: x.text, purpose: x.purpose } }))
    pages.push({ index: p, width: PAGE_W, height: PAGE_H, items, seals })
  }
  if (layoutCache.size > 32) layoutCache.clear()
  layoutCache.set(cacheKey, pages)
  return pages
}

// ------------------------------------------------------------------ SVG

const r2 = (v: number) => (Math.round(v * 100) / 100).toString()

function textSvg(t: TextItem): string {
  const attrs = [`x="${r2(t.x)}"`, `y="${r2(t.y)}"`, `font-size="${t.size}"`]
  if (t.bold) attrs.push('font-weight="bold"')
  if (t.anchor && t.anchor !== 'start') attrs.push(`text-anchor="${t.anchor}"`)
  if (t.color) attrs.push(`fill="${t.color}"`)
  return `<text ${attrs.join(' ')}>${escapeXml(t.text)}</text>`
}

/** The stamp of one filled (or empty) field on its page. */
function fieldSvg(f: Field, v: RenderValue | undefined, W: number, H: number): string {
  const x = f.x * W
  const y = f.y * H
  const w = f.w * W
  const h = f.h * H
  const out: string[] = []
  if (f.type === 'CHECK_BOX') {
    out.push(`<rect x="${r2(x)}" y="${r2(y)}" width="${r2(w)}" height="${r2(h)}" fill="#fff" stroke="#333" stroke-width="1"/>`)
    if (v?.checked) {
      out.push(
        `<path d="M${r2(x + w * 0.2)} ${r2(y + h * 0.5)} L${r2(x + w * 0.42)} ${r2(y + h * 0.75)} L${r2(x + w * 0.82)} ${r2(y + h * 0.22)}" fill="none" stroke="#1a1a1a" stroke-width="1.6"/>`
      )
    }
    out.push(textSvg({ x: x + w + 6, y: y + h * 0.8, text: f.label, size: 10.5 }))
    return out.join('')
  }
  out.push(textSvg({ x, y: y - 5, text: `${f.label}：`, size: 10, color: '#555555' }))
  if (!v) {
    out.push(`<rect x="${r2(x)}" y="${r2(y)}" width="${r2(w)}" height="${r2(h)}" fill="none" stroke="#c8c8c8" stroke-width="0.8" stroke-dasharray="3 2"/>`)
    return out.join('')
  }
  switch (f.type) {
    case 'SIGN_SIGNATURE':
      if (v.png) {
        out.push(
          `<image x="${r2(x)}" y="${r2(y)}" width="${r2(w)}" height="${r2(h)}" preserveAspectRatio="xMidYMid meet" xlink:href="data:image/png;base64,${v.png}"/>`
        )
      } else if (v.systemName) {
        const size = Math.min(h * 0.8, (w * 0.9) / Math.max(1, [...v.systemName].length))
        out.push(
          `<text x="${r2(x + w / 2)}" y="${r2(y + h / 2)}" font-size="${r2(size)}" text-anchor="middle" dominant-baseline="central" font-family="${SIGNATURE_FONT}" fill="#111">${escapeXml(v.systemName)}</text>`
        )
      } else {
        out.push(textSvg({ x: x + 4, y: y + h * 0.65, text: '（签名影像已归档）', size: 9, color: '#999999' }))
      }
      break
    case 'SIGN_SEAL':
      if (v.seal) {
        const d = Math.min(w, h)
        out.push(
          `<svg x="${r2(x + (w - d) / 2)}" y="${r2(y + (h - d) / 2)}" width="${r2(d)}" height="${r2(d)}" viewBox="0 0 ${r2(d)} ${r2(d)}">${sealSvgInner(v.seal, d)}</svg>`
        )
      }
      break
    case 'SIGN_DATE':
    case 'TEXT':
      out.push(textSvg({ x: x + 2, y: y + h * 0.78, text: v.text ?? '', size: 12, color: '#111111' }))
      break
    default:
      break
  }
  return out.join('')
}

/** The slice of a paging seal shown on `page`, at the right edge. */
function pagingSliceSvg(f: Field, v: RenderValue | undefined, page: number, pageCount: number, W: number, H: number): string {
  if (!v?.seal) return ''
  const d = f.w * W
  const slice = pagingSliceOf(page, pageCount, d)
  if (!slice) return ''
  const y = f.y * H
  return `<svg x="${r2(W - slice.width)}" y="${r2(y)}" width="${r2(slice.width)}" height="${r2(d)}" viewBox="${r2(slice.offset)} 0 ${r2(slice.width)} ${r2(d)}" preserveAspectRatio="none">${sealSvgInner(v.seal, d)}</svg>`
}

/** One page as an SVG document, stamped with the values given. Hosted pages draw their image (imageOf) under the fields. */
export function renderPageSvg(
  page: PageModel,
  pageCount: number,
  fields: readonly Field[],
  values: ReadonlyMap<string, RenderValue>,
  imageOf?: PageImageSource
): string {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}" style="font-family:${PAGE_FONT}" font-family="${PAGE_FONT}">`,
    `<rect x="0" y="0" width="${page.width}" height="${page.height}" fill="#ffffff"/>`,
    page.image ? (hostedSupport()?.pageImageSvg(page, imageOf) ?? '') : '',
    `<g fill="#1a1a1a">${page.items.map(textSvg).join('')}</g>`,
    ...page.seals.map(
      (x) =>
        `<svg x="${r2(x.x)}" y="${r2(x.y)}" width="${r2(x.size)}" height="${r2(x.size)}" viewBox="0 0 ${r2(x.size)} ${r2(x.size)}">${sealSvgInner(x.spec, x.size)}</svg>`
    )
  ]
  for (const f of fields) {
    if (f.type === 'SIGN_PAGING_SEAL') parts.push(pagingSliceSvg(f, values.get(f.fieldId), page.index, pageCount, page.width, page.height))
    else if (f.page === page.index) parts.push(fieldSvg(f, values.get(f.fieldId), page.width, page.height))
  }
  parts.push('</svg>')
  return parts.join('')
}

export function pageDataUrl(svg: string): string {
  return svgDataUrl(svg)
}

// ------------------------------------------------------------------ canonical content (hashing)

/** The static part: every page's text (a hosted page: its image's hash) and the fields' definitions; a hosted contract adds its PDF's hash. */
export function canonicalStatic(contractNo: string, title: string, pages: readonly PageModel[], fields: readonly Field[], originalPdf?: string): string {
  return JSON.stringify({
    contractNo,
    title,
    ...(originalPdf ? { originalPdf } : {}),
    pages: pages.map((p) => [
      p.index,
      p.width,
      p.height,
      p.items.map((i) => [r2(i.x), r2(i.y), i.size, i.bold ? 1 : 0, i.text]),
      p.seals.map((x) => [r2(x.x), r2(x.y), r2(x.size), x.spec.text, x.spec.purpose]),
      ...(p.image ? [p.image.hash] : [])
    ]),
    fields: fields.map((f) => [f.fieldId, f.signerId, f.type, f.page, r2(f.x * 1e4), r2(f.y * 1e4), r2(f.w * 1e4), r2(f.h * 1e4), f.required ? 1 : 0, f.label])
  })
}
