import { PDFDocument } from 'pdf-lib'
import { saveSigned } from '@/domain/pdf/sign'
import { createTestCa, type TestCa } from '@/domain/pdf/testCa'
import { pdfVerdict } from '@/domain/pdf/verdict'

// key generation, PDF tools (pdftoppm, pdfsig, qpdf) and rendering take seconds on a loaded machine
jest.setTimeout(60_000)

const NOW = Date.UTC(2026, 11, 4, 10, 0, 0)
let ca: TestCa
beforeAll(async () => {
  ca = await createTestCa(NOW, 1024)
})

async function unsigned(): Promise<PDFDocument> {
  const doc = await PDFDocument.create()
  doc.addPage([300, 400])
  return doc
}

async function signed(): Promise<Uint8Array> {
  return saveSigned(await unsigned(), { reason: '合同签署完成', name: 'InkSeal 电子签', signingTime: new Date(NOW) }, ca.signer)
}

describe('合同验签 verdict', () => {
  test('a signed, untouched PDF is valid, with the signer and the signing time', async () => {
    const v = pdfVerdict(await signed())
    expect(v.status).toBe('VALID')
    expect(v.title).toBe('签名有效，文件未被篡改')
    expect(v.signer).toEqual({
      commonName: 'InkSeal 电子签 沙箱签章',
      organization: 'InkSeal 电子签（沙箱）',
      issuer: 'InkSeal Sandbox Test Root CA',
      signedAt: NOW
    })
    expect(v.signatures).toBe(1)
  })

  test('one changed byte: altered', async () => {
    const pdf = await signed()
    const at = Buffer.from(pdf).indexOf('/MediaBox [ 0 0 300 400 ]') + '/MediaBox [ 0 0 '.length
    expect(at).toBeGreaterThan(20)
    const bad = Uint8Array.from(pdf)
    bad[at] = '4'.charCodeAt(0)
    const v = pdfVerdict(bad)
    expect(v.status).toBe('ALTERED')
    expect(v.title).toBe('文件已被篡改')
    expect(v.detail).toContain('签署后文件被修改过')
  })

  test('content appended after signing: appended, not valid', async () => {
    const pdf = await signed()
    const v = pdfVerdict(Uint8Array.from([...pdf, ...Buffer.from('\n9 0 obj\n(x)\nendobj\n%%EOF\n')]))
    expect(v.status).toBe('APPENDED')
  })

  test('unsigned PDFs, other files, empty, oversized and cut-off files get a Chinese reason', async () => {
    expect(pdfVerdict(await (await unsigned()).save()).status).toBe('UNSIGNED')
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect(pdfVerdict(png)).toMatchObject({ status: 'BAD_FILE', detail: '文件格式不支持，请上传 PDF 格式的文件' })
    expect(pdfVerdict(new Uint8Array(0)).detail).toBe('文件是空的，请重新选择')
    const big = new Uint8Array(20 * 1024 * 1024 + 1)
    big.set(Buffer.from('%PDF-1.7'))
    expect(pdfVerdict(big).detail).toMatch(/^文件过大/)
    const pdf = await signed()
    expect(pdfVerdict(pdf.subarray(0, pdf.length - 2000)).detail).toBe('文件不完整或已损坏，请重新选择')
  })
})
