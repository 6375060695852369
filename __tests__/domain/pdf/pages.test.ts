import { execFileSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { pdfFromPages, type LaidOutPage } from '@/domain/pdf/pages'
import { loadKaiShard } from '@/platform/glyphs.h5'

// key generation, PDF tools (pdftoppm, pdfsig, qpdf) and rendering take seconds on a loaded machine
jest.setTimeout(60_000)

const pages: LaidOutPage[] = [
  {
    width: 595,
    height: 842,
    items: [
      { x: 297.5, y: 96, text: '战略合作协议', size: 22, bold: true, anchor: 'middle' },
      { x: 60, y: 140, text: '甲方：深圳前海云签科技有限公司', size: 12 },
      { x: 535, y: 40, text: '合同编号：HT-2026-001', size: 9, anchor: 'end', color: '#8a8a8a' }
    ]
  },
  { width: 595, height: 842, items: [{ x: 60, y: 100, text: '第一条　合作内容', size: 12, bold: true }] }
]

describe('contract PDF from its page layout', () => {
  test('every page, the text extractable in reading order, at its place; deterministic', async () => {
    const pdf = await pdfFromPages(pages, { title: '战略合作协议', createdAt: new Date(Date.UTC(2026, 11, 1)) }, loadKaiShard)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-pages-'))
    const file = path.join(dir, 'c.pdf')
    fs.writeFileSync(file, pdf)
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('战略合作协议')
    expect(text).toContain('甲方：深圳前海云签科技有限公司')
    expect(text).toContain('第一条')
    // the title is centred: its bounding box straddles the page's middle (pdftotext -bbox)
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' })
    const title = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">战略合作协议<\/word>/.exec(bbox)!
    expect(title).not.toBeNull()
    const [x0, y0, x1, y1] = title.slice(1, 5).map(Number)
    expect((x0 + x1) / 2).toBeGreaterThan(297.5 - 8)
    expect((x0 + x1) / 2).toBeLessThan(297.5 + 8)
    // the baseline (y = 96 from the top) runs through the word's box
    expect(y0).toBeLessThan(96)
    expect(y1).toBeGreaterThan(96)
    // the number is right-aligned at x = 535
    const no = /<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">合同编号：HT-2026-001<\/word>/.exec(bbox)
    expect(Number(no![1])).toBeGreaterThan(525)
    expect(Number(no![1])).toBeLessThanOrEqual(536)
    const again = await pdfFromPages(pages, { title: '战略合作协议', createdAt: new Date(Date.UTC(2026, 11, 1)) }, loadKaiShard)
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('no pages is refused; text without outlines is made, its character a hex box that extracts as itself', async () => {
    await expect(pdfFromPages([], { title: 'x', createdAt: new Date(0) }, loadKaiShard)).rejects.toThrow('at least one page')
    const pdf = await pdfFromPages(
      [{ width: 100, height: 100, items: [{ x: 1, y: 50, text: '甲㐀乙', size: 12 }] }],
      { title: 'x', createdAt: new Date(0) },
      loadKaiShard
    )
    const file = path.join(os.tmpdir(), `inkseal-pages-${process.pid}.pdf`)
    fs.writeFileSync(file, pdf)
    try {
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('甲㐀乙')
    } finally {
      fs.rmSync(file, { force: true })
    }
  })
})

test('a page names each embedded font once, however many lines use it', async () => {
  const many: LaidOutPage = {
    width: 595,
    height: 842,
    items: Array.from({ length: 30 }, (_, i) => ({ x: 60, y: 60 + i * 20, text: `第${i + 1}行`, size: 12 }))
  }
  const pdf = await pdfFromPages([many], { title: 't', createdAt: new Date(0) }, loadKaiShard)
  const { PDFDocument, PDFDict, PDFName } = await import('pdf-lib')
  const doc = await PDFDocument.load(pdf)
  const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict)
  expect(fonts.keys()).toHaveLength(1)
})
