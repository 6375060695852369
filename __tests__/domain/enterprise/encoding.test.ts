import jsQR from 'jsqr'
import { base64ToBytes, bytesToBase64 } from '@/domain/base64'
import { encodePng } from '@/domain/enterprise/png'
import { decodePng } from './pngDecode'
import { qrPng } from '@/domain/enterprise/qr'
import { letterTemplateLines, letterTemplatePdf } from '@/domain/enterprise/letterTemplate'

describe('base64 (by hand, for WeChat)', () => {
  test.each([0, 1, 2, 3, 4, 5, 100, 1000])('round-trips %i bytes and matches Buffer', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff)
    const b64 = bytesToBase64(bytes)
    expect(b64).toBe(Buffer.from(bytes).toString('base64'))
    expect(Array.from(base64ToBytes(b64) as Uint8Array)).toEqual(Array.from(bytes))
  })

  test('a large buffer round-trips', () => {
    const bytes = Uint8Array.from({ length: 300_001 }, (_, i) => (i * 7) & 0xff)
    expect(Buffer.from(base64ToBytes(bytesToBase64(bytes)) as Uint8Array).equals(Buffer.from(bytes))).toBe(true)
  })

  test.each(['abc$', 'ab=c', 'a', 'abcde', '====', 'Zg==='])('%j is not base64', (s) => {
    expect(base64ToBytes(s)).toBeNull()
  })
})

describe('PNG encoder', () => {
  test('writes a valid palette PNG with a text chunk (zlib can inflate it, CRCs agree)', () => {
    const px = Uint8Array.from({ length: 300 * 200 }, (_, i) => i % 3)
    const png = encodePng({
      width: 300,
      height: 200,
      format: 'palette',
      pixels: px,
      palette: [
        [255, 0, 0],
        [0, 255, 0],
        [0, 0, 255]
      ],
      text: [{ keyword: 'Comment', text: 'hi' }]
    })
    const img = decodePng(png)
    expect([img.width, img.height]).toEqual([300, 200])
    expect(Array.from(img.rgba.subarray(0, 12))).toEqual([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255])
    expect(img.text).toEqual(['Comment=hi'])
  })
})

describe('QR code PNG', () => {
  test('decodes back to the link', () => {
    const link = 'http://localhost:10086/s/1.L.ABCDEFGH.abcdefgh.t5x9k2a.Q'
    const img = decodePng(qrPng(link, 4))
    const hit = jsQR(img.rgba, img.width, img.height)
    expect(hit?.data).toBe(link)
  })
})

describe('runs where WeChat phones have no TextEncoder/btoa', () => {
  test('QR codes, PNGs and base64 need neither', () => {
    const g = globalThis as Record<string, unknown>
    const saved = { TextEncoder: g.TextEncoder, btoa: g.btoa, atob: g.atob }
    delete g.TextEncoder
    delete g.btoa
    delete g.atob
    try {
      const img = decodePng(qrPng('https://sign.inkseal.cn/s/1.L.ABCDEFGH.abcdefgh.t5x9k2a.Q', 3))
      expect(jsQR(img.rgba, img.width, img.height)?.data).toBe('https://sign.inkseal.cn/s/1.L.ABCDEFGH.abcdefgh.t5x9k2a.Q')
      expect(bytesToBase64(Uint8Array.from([1, 2, 3]))).toBe('AQID')
    } finally {
      Object.assign(g, saved)
    }
  })
})

describe('authorization letter template', () => {
  const info = { enterpriseName: '北京墨印科技有限公司', creditCode: '91110108MA01W8KX3J', legalRepresentative: '周明远', adminName: '李四' }

  test('names the enterprise, its code, the legal representative and the administrator', () => {
    const text = letterTemplateLines(info)
      .map((l) => l.text)
      .join('\n')
    expect(text).toContain('企业超级管理员授权书')
    expect(text).toContain('北京墨印科技有限公司')
    expect(text).toContain('91110108MA01W8KX3J')
    expect(text).toContain('兹授权 李四')
    expect(text).toContain('单位公章')
  })

  test('is a well-formed PDF: header, xref offsets that point at objects, %%EOF', () => {
    const pdf = Buffer.from(letterTemplatePdf(info)).toString('latin1')
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true)
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true)
    const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)?.[1])
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref')
    const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
    expect(offsets).toHaveLength(8)
    offsets.forEach((off, i) => expect(pdf.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`))
    // The text is UCS-2 hex in a CJK font: 企 is U+4F01
    expect(pdf).toContain('/STSong-Light')
    expect(pdf).toContain('4F01')
  })
})
