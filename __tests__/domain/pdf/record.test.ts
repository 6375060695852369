/**
 * The PDF of record: fields stamped at their fractional rectangles, the paging seal across the
 * right edges, a 签署报告 page, the platform's signature. Rendered back with pdftoppm (poppler)
 * to check where ink landed; signature checked with pdfsig and qpdf.
 */
import { execFileSync, spawnSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { PDFDocument } from 'pdf-lib'
import { encodePng } from '@/domain/enterprise/png'
import { makePdfOfRecord, sha256Hex, type RecordInput } from '@/domain/pdf/record'
import { reportTexts } from '@/domain/pdf/report'
import { verifyPdf } from '@/domain/pdf/verify'
import type { Stamp } from '@/domain/pdf/stamp'
import { createTestCa, type TestCa } from '@/domain/pdf/testCa'
import { loadKaiShard } from '@/platform/glyphs.h5'

// key generation, PDF tools (pdftoppm, pdfsig, qpdf) and rendering take seconds on a loaded machine
jest.setTimeout(60_000)

const NOW = Date.UTC(2026, 11, 4, 10, 0, 0)
let ca: TestCa
beforeAll(async () => {
  ca = await createTestCa(NOW, 1024)
})
let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-record-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A solid square PNG of one colour. */
function square(side: number, rgb: [number, number, number]): Uint8Array {
  return encodePng({ width: side, height: side, format: 'palette', pixels: new Uint8Array(side * side), palette: [rgb] })
}

async function original(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89])
  return doc.save()
}

const SIGNATURE = { page: 0, rect: { x: 0.1, y: 0.7, w: 0.3, h: 0.1 } }
const DATE = { page: 1, rect: { x: 0.55, y: 0.1, w: 0.35, h: 0.04 } }
const CHECK = { page: 2, rect: { x: 0.1, y: 0.1, w: 0.05, h: 0.035 } }
const SEAL = { page: 2, rect: { x: 0.55, y: 0.6, w: 0.3, h: 0.2 } }
const STAR = { text: '杭州星河数字科技有限公司', purpose: '合同专用章' }

function input(pages: number, extra: Partial<RecordInput> = {}): Promise<RecordInput> {
  return original(pages).then((bytes) => ({
    original: bytes,
    stamps: [
      { kind: 'IMAGE', ...SIGNATURE, png: square(40, [0, 0, 0]) },
      { kind: 'TEXT', ...DATE, text: '2026年12月04日' },
      { kind: 'CHECK', ...CHECK, checked: true },
      { kind: 'SEAL', ...SEAL, seal: STAR },
      { kind: 'PAGING_SEAL', seal: STAR, y: 0.5 - 60 / 841.89, sizePt: 120 }
    ] as Stamp[],
    report: {
      title: '战略合作协议',
      flowId: 'FLOW-2026-0001',
      initiator: '深圳前海云签科技有限公司',
      completedAt: '2026-12-04 18:00:00',
      signers: [
        { name: '张*', identity: '实名认证 + 人脸核验 · 手机 138****8000', method: '手写签名', intent: '短信验证码', signedAt: '2026-12-04 17:58:02' },
        {
          name: '李*',
          identity: '实名认证 + 人脸核验 · 手机 139****2000',
          organization: '杭州星河数字科技有限公司',
          method: '企业印章',
          intent: '人脸识别',
          signedAt: '2026-12-04 17:59:40'
        }
      ]
    },
    loadShard: loadKaiShard,
    ...extra
  }))
}

/** Page n (1-based) as 8-bit gray rows, via pdftoppm at 36 dpi. */
function render(file: string, n: number): { w: number; h: number; px: Uint8Array } {
  const prefix = path.join(dir, `p${n}-${Math.random().toString(36).slice(2)}`)
  execFileSync('pdftoppm', ['-gray', '-r', '36', '-f', String(n), '-l', String(n), '-singlefile', file, prefix])
  const pgm = fs.readFileSync(`${prefix}.pgm`)
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const header = m[0].length
  return { w: Number(m[1]), h: Number(m[2]), px: pgm.subarray(header) }
}

/** Share of dark pixels (gray < 128) inside a fractional rectangle. */
function ink(img: { w: number; h: number; px: Uint8Array }, r: { x: number; y: number; w: number; h: number }): number {
  let dark = 0
  let all = 0
  for (let y = Math.ceil(r.y * img.h); y < Math.floor((r.y + r.h) * img.h); y++) {
    for (let x = Math.ceil(r.x * img.w); x < Math.floor((r.x + r.w) * img.w); x++) {
      all++
      if (img.px[y * img.w + x] < 128) dark++
    }
  }
  return all ? dark / all : 0
}

describe('PDF of record', () => {
  test('fields land at their fractional rectangles, the paging seal on every right edge, a report page; signed, valid, qpdf clean', async () => {
    const rec = await makePdfOfRecord({
      ...(await input(3)),
      signature: { keys: ca.signer, signingTime: new Date(NOW), reason: '合同签署完成', name: 'InkSeal 电子签' }
    })
    expect(rec.pageCount).toBe(4)
    expect(rec.signed).toBe(true)
    const file = path.join(dir, 'record.pdf')
    fs.writeFileSync(file, rec.pdf)
    if (process.env.KEEP_PDF) fs.copyFileSync(file, process.env.KEEP_PDF)
    expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).toContain('Signature is Valid.')
    expect(() => execFileSync('qpdf', ['--check', file])).not.toThrow()
    const v = verifyPdf(rec.pdf)
    expect(v.signed && v.signatures[0].intact && v.signatures[0].coversWholeDocument).toBe(true)

    const p1 = render(file, 1)
    // the black signature image fills its rectangle's centre; the blank top-left area stays white
    expect(ink(p1, { x: 0.2, y: 0.72, w: 0.1, h: 0.06 })).toBeGreaterThan(0.9)
    expect(ink(p1, { x: 0.05, y: 0.05, w: 0.3, h: 0.2 })).toBe(0)
    const p2 = render(file, 2)
    // the date is text: some ink in its box, not a solid block
    const dateInk = ink(p2, DATE.rect)
    expect(dateInk).toBeGreaterThan(0.01)
    expect(dateInk).toBeLessThan(0.5)
    // and only there: the rest of the top of page 2 is blank
    expect(ink(p2, { x: 0.05, y: 0.05, w: 0.45, h: 0.2 })).toBe(0)
    const p3 = render(file, 3)
    expect(ink(p3, CHECK.rect)).toBeGreaterThan(0.1)
    // the seal: ink inside its square (ring, star, characters), none left or right of it
    const side = Math.min(SEAL.rect.w * 595.28, SEAL.rect.h * 841.89)
    const sealBox = { x: SEAL.rect.x + (SEAL.rect.w - side / 595.28) / 2, y: SEAL.rect.y, w: side / 595.28, h: SEAL.rect.h }
    expect(ink(p3, sealBox)).toBeGreaterThan(0.05)
    expect(ink(p3, { x: SEAL.rect.x, y: SEAL.rect.y, w: sealBox.x - SEAL.rect.x - 0.01, h: SEAL.rect.h })).toBe(0)
    // its centre holds the star
    expect(ink(p3, { x: sealBox.x + sealBox.w * 0.45, y: sealBox.y + sealBox.h * 0.45, w: sealBox.w * 0.1, h: sealBox.h * 0.1 })).toBeGreaterThan(0.5)
    // the paging seal: a third of a 120 pt seal at each page's right edge, around y = 0.5; nothing left of the edge strip
    for (const p of [p1, p2, p3]) {
      expect(ink(p, { x: 1 - 40 / 595.28, y: 0.5 - 55 / 841.89, w: 40 / 595.28, h: 110 / 841.89 })).toBeGreaterThan(0.02)
      expect(ink(p, { x: 1 - 90 / 595.28, y: 0.5 - 55 / 841.89, w: 40 / 595.28, h: 110 / 841.89 })).toBe(0)
    }
    // the report page has text, and it is real text (Type 3 fonts with a ToUnicode map)
    const p4 = render(file, 4)
    expect(ink(p4, { x: 0.05, y: 0.05, w: 0.9, h: 0.5 })).toBeGreaterThan(0.01)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    for (const s of [
      '签署报告',
      '战略合作协议',
      '合同专用章',
      '深圳前海云签科技有限公司',
      '杭州星河数字科技有限公司',
      '2026年12月04日',
      rec.stampedSha256,
      rec.originalSha256
    ]) {
      expect(text).toContain(s)
    }
    // the fonts are embedded (pdffonts lists them as Type 3, embedded)
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    expect(fonts).toMatch(/Type 3\s+Custom\s+yes/)
  })

  test('hashes: the original as given, the stamped pages differ from it; a preview is unsigned', async () => {
    const inp = await input(3)
    const rec = await makePdfOfRecord(inp)
    expect(rec.signed).toBe(false)
    expect(verifyPdf(rec.pdf)).toEqual({ signed: false })
    expect(rec.originalSha256).toBe(sha256Hex(inp.original))
    expect(rec.stampedSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(rec.stampedSha256).not.toBe(rec.originalSha256)
    // the same input gives the same preview, byte for byte, whatever the time of day
    const realNow = Date.now
    Date.now = () => realNow() + 3_600_000
    try {
      expect(sha256Hex((await makePdfOfRecord(inp)).pdf)).toBe(sha256Hex(rec.pdf))
    } finally {
      Date.now = realNow
    }
  })

  test('refusals: a field on a page the document lacks; not a PDF', async () => {
    const inp = await input(2)
    await expect(makePdfOfRecord(inp)).rejects.toThrow('page 2 is outside the document')
    const two = await input(2)
    await expect(makePdfOfRecord({ ...two, original: new TextEncoder().encode('not a pdf') })).rejects.toThrow()
  })

  test('a character the outlines lack (rare hanzi, emoji) is drawn as a hex box and still extracts as itself: the document is made', async () => {
    const inp = await input(1)
    const box = { x: 0.1, y: 0.1, w: 0.5, h: 0.06 }
    inp.stamps = [{ kind: 'TEXT', page: 0, rect: box, text: '住址㐀路😀号' }]
    inp.report = { ...inp.report, signers: [{ ...inp.report.signers[0], name: '䶮*' }] }
    const rec = await makePdfOfRecord(inp)
    expect(rec.substituted.sort()).toEqual(['㐀', '䶮', '😀'].sort())
    const file = path.join(dir, 'fallback.pdf')
    fs.writeFileSync(file, rec.pdf)
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    expect(text).toContain('住址㐀路😀号')
    expect(text).toContain('䶮*')
    expect(() => execFileSync('qpdf', ['--check', file])).not.toThrow()
    // the boxes are drawn: more ink than the same text with the two characters left out
    const plain = await input(1)
    plain.stamps = [{ kind: 'TEXT', page: 0, rect: box, text: '住址路号' }]
    const plainFile = path.join(dir, 'plain.pdf')
    fs.writeFileSync(plainFile, (await makePdfOfRecord(plain)).pdf)
    expect(ink(render(file, 1), box)).toBeGreaterThan(ink(render(plainFile, 1), box) * 1.3)
    // the outlines-only path never substitutes
    expect((await makePdfOfRecord(plain)).substituted).toEqual([])
  })

  test('the outlines asked for cover every hex digit: the stamped hash is known only after stamping (a hash with a "b" failed one run in 60)', async () => {
    const { report } = await input(1)
    const zeros = '0'.repeat(64)
    const chars = new Set(reportTexts({ ...report, originalSha256: zeros, stampedSha256: zeros }).join(''))
    for (const c of '0123456789abcdef') expect(chars).toContain(c)
  })
})
