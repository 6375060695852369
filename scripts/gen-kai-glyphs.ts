/**
 * Generates src/generated/kai/: the outlines of LXGW WenKai (霞鹜文楷, SIL Open Font License
 * 1.1, npm lxgw-wenkai-webfont) for the characters a system signature may need, so that the
 * system signature is drawn from the same outlines on every device instead of from whatever
 * 楷体 the device has (fresh Linux machines and many phones have none).
 *
 *   npx tsx scripts/gen-kai-glyphs.ts          writes the files
 *   npx tsx scripts/gen-kai-glyphs.ts --check  exits 1 when the committed files differ
 *
 * Characters, tier a: GB 2312 level 1 (the 3 755 most used hanzi), the level-2 hanzi common in
 * names (NAME_EXTRAS), the middle dot of transliterated names, printable ASCII and Chinese
 * punctuation (for text drawn into PDFs: text fields, dates, the signing report); tier b: the
 * rest of GB 2312 level 2 (company names, addresses). Outlines are flattened to polylines,
 * simplified (Ramer–Douglas–Peucker, TOLERANCE grid units) on a GRID-unit em and packed by
 * src/domain/signature/glyphs.ts's format, base64, in shards by code point (KAI_TIERS) so a
 * text loads only the shards of its characters.
 */
import fs from 'fs'
import path from 'path'
// fontkit has no type declarations of its own
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as {
  openSync(file: string): FontkitFont
}
import { bytesToBase64 } from '../src/domain/base64'
import { KAI_GRID, KAI_TIERS, kaiShardOf, encodeGlyph, type GlyphContour, type KaiTier } from '../src/domain/signature/glyphs'

interface FontkitFont {
  unitsPerEm: number
  ascent: number
  descent: number
  characterSet: number[]
  glyphForCodePoint(cp: number): { advanceWidth: number; path: { commands: { command: string; args: number[] }[] } }
}

const TOLERANCE = 0.75
const CURVE_STEPS = 8
const ROOT = path.resolve(__dirname, '..')
const FONT_DIR = path.join(ROOT, 'node_modules/lxgw-wenkai-webfont/files')
const OUT_DIR = path.join(ROOT, 'src/generated/kai')

/** Level-2 hanzi (GB 2312 0xD8A1–0xF7FE) frequent in surnames and given names. */
const NAME_EXTRAS =
  '昊晟煜炜玥琦瑾璇萱翊奕睿彤妍钰瑜骁晔珂玮琳璟熠昕皓泓淼霖芊芸薇蓓茜莎娅婕嫣妤姝俐伶怡恺铠钧锴崧嵘峥岚昱晗暄曦燊焱烨琪瑶璐婧旻' +
  '佘邝靳芮钮郜邬阎蔺翟滕郦瞿濮臧闵缪蒯隗褚逯荀裘邱郗邴訾阙甄仉亓祁宓鄢郁鞠笪卞苟佟詹蔚尉晏琰珏瑛琼琛璋瑭瑗璞祎祺禹羿翀' +
  '芃苒茗荻莹菁萍蓁蔷蕊蕙藜骞驰骅麒黛鑫钊铮锟镇闫阚隽雯霏靓韬颉飒馨鹏鹤麟黔冼邸沣汐沅泷洹涵渊湘滢漪澜澍濠灏炅炘烁焕熙燚琨' +
  '珺璨瑄瑞皙盈砚祯禛筠箐篁纾绮缇翎耘胤舜苡蓉蔻珈晞' +
  '婷姗娴婵媛嫒琬璎茹蕴嫚娉娣嫱婀娓嬿妲婕妯娈嫘嬗姹妩姒嫔嫡琏琥琮瑁瑕璀珀珑珞珙瑷旸昶晁暾昀曜炳炯焘煦熹燔钦铎锋锦镛颢骏骐'

/** Full-width punctuation of Chinese text (contract text fields, the signing report). */
const CJK_PUNCTUATION = '，。、：；！？（）《》“”—…￥【】\u3000'

/** GB 2312 hanzi: level 1 (rows 0xB0–0xD7) or level 2 (0xD8–0xF7). */
/** Symbols of contract text, where the font has them: Latin-1, general punctuation, CJK symbols, full-width forms. */
function symbols(): string[] {
  const ranges: [number, number][] = [
    [0xa1, 0xff],
    [0x2010, 0x2030],
    [0x2100, 0x2122],
    [0x3001, 0x303f],
    [0xff01, 0xff5e],
    [0xffe0, 0xffe6]
  ]
  return ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)))
}

function gb2312Hanzi(level: 1 | 2): string[] {
  const dec = new TextDecoder('gb18030')
  const out: string[] = []
  for (let a = level === 1 ? 0xb0 : 0xd8; a <= (level === 1 ? 0xd7 : 0xf7); a++) {
    for (let b = 0xa1; b <= 0xfe; b++) {
      const s = dec.decode(new Uint8Array([a, b]))
      if (s.length === 1 && /\p{Script=Han}/u.test(s)) out.push(s)
    }
  }
  return out
}

function flatten(commands: { command: string; args: number[] }[], scale: number): [number, number][][] {
  const contours: [number, number][][] = []
  let cur: [number, number][] = []
  let x = 0
  let y = 0
  const push = (px: number, py: number) => cur.push([px, py])
  for (const c of commands) {
    const a = c.args.map((v) => v * scale)
    if (c.command === 'moveTo') {
      cur = []
      contours.push(cur)
      push(a[0], a[1])
      x = a[0]
      y = a[1]
    } else if (c.command === 'lineTo') {
      push(a[0], a[1])
      x = a[0]
      y = a[1]
    } else if (c.command === 'quadraticCurveTo') {
      for (let i = 1; i <= CURVE_STEPS; i++) {
        const t = i / CURVE_STEPS
        const m = 1 - t
        push(m * m * x + 2 * m * t * a[0] + t * t * a[2], m * m * y + 2 * m * t * a[1] + t * t * a[3])
      }
      x = a[2]
      y = a[3]
    } else if (c.command === 'bezierCurveTo') {
      for (let i = 1; i <= CURVE_STEPS; i++) {
        const t = i / CURVE_STEPS
        const m = 1 - t
        push(m ** 3 * x + 3 * m * m * t * a[0] + 3 * m * t * t * a[2] + t ** 3 * a[4], m ** 3 * y + 3 * m * m * t * a[1] + 3 * m * t * t * a[3] + t ** 3 * a[5])
      }
      x = a[4]
      y = a[5]
    }
  }
  return contours
}

function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len = dx * dx + dy * dy
  if (!len) return Math.hypot(p[0] - a[0], p[1] - a[1])
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len))
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
}

function simplify(pts: [number, number][], eps: number): [number, number][] {
  if (pts.length < 3) return pts
  const a = pts[0]
  const b = pts[pts.length - 1]
  let max = 0
  let at = 0
  for (let i = 1; i < pts.length - 1; i++) {
    const d = segmentDistance(pts[i], a, b)
    if (d > max) {
      max = d
      at = i
    }
  }
  if (max <= eps) return [a, b]
  return simplify(pts.slice(0, at + 1), eps)
    .slice(0, -1)
    .concat(simplify(pts.slice(at), eps))
}

function build(): Map<string, string> {
  const ascii = Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i))
  const common = new Set([...gb2312Hanzi(1), ...Array.from(NAME_EXTRAS), '·', ...ascii, ...Array.from(CJK_PUNCTUATION)])
  const optional = new Set(symbols().filter((ch) => !common.has(ch)))
  for (const ch of optional) common.add(ch)
  const wanted = new Set([...common, ...gb2312Hanzi(2)])
  const files = fs
    .readdirSync(FONT_DIR)
    .filter((f) => /^lxgwwenkai-regular-subset-\d+\.woff2$/.test(f))
    .sort((x, y) => parseInt(x.replace(/\D/g, ''), 10) - parseInt(y.replace(/\D/g, ''), 10))
  const glyphs = new Map<string, Uint8Array>()
  let metrics: { ascent: number; descent: number } | null = null
  for (const f of files) {
    const font = fontkit.openSync(path.join(FONT_DIR, f))
    const scale = KAI_GRID / font.unitsPerEm
    metrics = metrics ?? { ascent: Math.round(font.ascent * scale), descent: Math.round(font.descent * scale) }
    for (const cp of font.characterSet) {
      const ch = String.fromCodePoint(cp)
      if (!wanted.has(ch) || glyphs.has(ch)) continue
      const g = font.glyphForCodePoint(cp)
      const contours: GlyphContour[] = flatten(g.path.commands, scale)
        .map((c) => simplify(c, TOLERANCE).map(([px, py]) => [Math.round(px), Math.round(py)] as [number, number]))
        .filter((c) => c.length >= 3)
      glyphs.set(ch, encodeGlyph(Math.round(g.advanceWidth * scale), contours))
    }
  }
  // tier a must be complete (but for symbols the font lacks); the font's web subsets lack a few
  // dozen rare level-2 hanzi
  const missing = Array.from(common).filter((ch) => !glyphs.has(ch) && !optional.has(ch))
  if (missing.length) throw new Error(`font lacks ${missing.length} wanted characters: ${missing.join('')}`)
  if (!metrics) throw new Error(`no font files in ${FONT_DIR}`)

  const shards = new Map<string, Record<string, string>>()
  for (const tier of Object.keys(KAI_TIERS) as KaiTier[]) {
    for (let n = 0; n < KAI_TIERS[tier]; n++) shards.set(`${tier}${n}`, {})
  }
  for (const [ch, bytes] of Array.from(glyphs.entries()).sort((x, y) => x[0].codePointAt(0)! - y[0].codePointAt(0)!)) {
    const tier: KaiTier = common.has(ch) ? 'a' : 'b'
    shards.get(`${tier}${kaiShardOf(ch, tier)}`)![ch] = bytesToBase64(bytes)
  }
  const header = '// Generated by scripts/gen-kai-glyphs.ts from LXGW WenKai (SIL Open Font License 1.1, see OFL.txt). Do not edit.\n'
  const files2 = new Map<string, string>()
  shards.forEach((s, name) => {
    files2.set(`${name}.ts`, `${header}export const GLYPHS: Record<string, string> = ${JSON.stringify(s)}\n`)
  })
  files2.set('meta.ts', `${header}export const KAI_METRICS = ${JSON.stringify({ ...metrics, glyphs: glyphs.size })}\n`)
  files2.set('OFL.txt', fs.readFileSync(path.join(ROOT, 'node_modules/lxgw-wenkai-webfont/OFL.txt'), 'utf8'))
  return files2
}

function main(): void {
  const check = process.argv.includes('--check')
  const files = build()
  if (check) {
    const stale = Array.from(files.entries()).filter(([name, text]) => {
      const p = path.join(OUT_DIR, name)
      return !fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text
    })
    if (stale.length) {
      console.error(`src/generated/kai is stale (${stale.map(([n]) => n).join(', ')}): run npx tsx scripts/gen-kai-glyphs.ts`)
      process.exit(1)
    }
    console.log(`src/generated/kai is up to date (${files.size} files)`)
    return
  }
  fs.rmSync(OUT_DIR, { recursive: true, force: true })
  fs.mkdirSync(OUT_DIR, { recursive: true })
  let bytes = 0
  for (const [name, text] of files) {
    fs.writeFileSync(path.join(OUT_DIR, name), text)
    bytes += Buffer.byteLength(text)
  }
  console.log(`wrote ${files.size} files, ${(bytes / 1024).toFixed(1)} KB, into ${path.relative(ROOT, OUT_DIR)}`)
}

main()
