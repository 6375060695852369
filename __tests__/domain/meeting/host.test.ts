import { checkHostPdf, pdfOpenErrorMessage } from '@/domain/meeting/hostPdf'
import { formatMeetingTime, parseMeetingTime } from '@/domain/meeting/time'
import { HOST_PDF_MAX_BYTES } from '@/domain/meeting/setup'
import { utf8Bytes } from '@/domain/utf8'

const PDF = utf8Bytes('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

describe('the host’s contract PDF, by its bytes', () => {
  test('a PDF passes; its name does not matter', () => {
    expect(checkHostPdf(PDF, 'x.bin')).toEqual({ ok: true, value: { size: PDF.length } })
  })

  test('not a PDF: the message says when the name pretends to be one', () => {
    const zip = utf8Bytes('PK\u0003\u0004 not a pdf %%EOF')
    expect(checkHostPdf(zip, '合同.PDF')).toMatchObject({ ok: false, code: 'NOT_PDF', message: '该文件虽以 .pdf 结尾，但内容不是 PDF，请上传真正的 PDF 合同' })
    expect(checkHostPdf(zip, '合同.docx')).toMatchObject({ ok: false, code: 'NOT_PDF', message: '文件格式不支持，请上传 PDF 格式的合同' })
  })

  test('empty, too big, cut off, encrypted', () => {
    expect(checkHostPdf(new Uint8Array(0))).toMatchObject({ ok: false, code: 'FILE_EMPTY' })
    const big = new Uint8Array(HOST_PDF_MAX_BYTES + 1)
    big.set(PDF)
    expect(checkHostPdf(big)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' })
    expect(checkHostPdf(PDF.slice(0, 30))).toMatchObject({ ok: false, code: 'FILE_TRUNCATED' })
    expect(checkHostPdf(utf8Bytes('%PDF-1.4\ntrailer << /Encrypt 3 0 R >>\n%%EOF'))).toMatchObject({ ok: false, code: 'ENCRYPTED' })
    // a large file with its encryption dictionary named only near the start (linearized)
    const lin = new Uint8Array(1024 * 1024)
    lin.set(utf8Bytes('%PDF-1.4\n<< /Linearized 1 >> trailer << /Encrypt 9 0 R >>'))
    lin.set(utf8Bytes('%%EOF\n'), lin.length - 10)
    expect(checkHostPdf(lin)).toMatchObject({ ok: false, code: 'ENCRYPTED' })
  })

  test('renderer failures in Chinese', () => {
    expect(pdfOpenErrorMessage('PASSWORD')).toMatch(/加密/)
    expect(pdfOpenErrorMessage('INVALID')).toMatch(/损坏/)
    expect(pdfOpenErrorMessage('OTHER')).toMatch(/无法显示/)
  })
})

describe('meeting times as typed', () => {
  test('YYYY-MM-DD HH:mm in local time, round trip', () => {
    const t = new Date(2026, 11, 4, 14, 5).getTime()
    expect(parseMeetingTime('2026-12-04 14:05')).toBe(t)
    expect(parseMeetingTime(' 2026/12/4 14:05 ')).toBe(t)
    expect(parseMeetingTime('2026-12-04T14:05')).toBe(t)
    expect(formatMeetingTime(t)).toBe('2026-12-04 14:05')
  })

  test('not a real date or time: NaN', () => {
    for (const s of ['', '2026-12-04', '2026-02-30 10:00', '2026-13-01 10:00', '2026-12-04 24:00', '2026-12-04 10:60', 'tomorrow']) {
      expect(parseMeetingTime(s)).toBeNaN()
    }
  })
})
