/**
 * The contract PDF a host uploads, checked by its bytes before anything renders it: a PDF by
 * its magic bytes (fileType.ts), at most HOST_PDF_MAX_BYTES, complete (an end-of-file marker),
 * not encrypted. The page limit is checked once the renderer has opened it (checkPageCount).
 */
import { indexOfBytes, isComplete, sizeLabel, sniffFileKind } from '@/domain/fileType'
import { fail, ok, type Validation } from '@/domain/validation'
import { HOST_PDF_MAX_BYTES } from './setup'

export type HostPdfProblem = 'FILE_EMPTY' | 'FILE_TOO_LARGE' | 'NOT_PDF' | 'FILE_TRUNCATED' | 'ENCRYPTED'

/** "/Encrypt" as bytes: an encrypted PDF's trailer names its encryption dictionary. */
const ENCRYPT = Array.from('/Encrypt', (c) => c.charCodeAt(0))

/** Where the trailer of a (possibly incrementally updated) PDF is looked for "/Encrypt". */
const TRAILER_WINDOW = 64 * 1024

export function checkHostPdf(bytes: Uint8Array, fileName = ''): Validation<{ size: number }> {
  if (!bytes || bytes.length === 0) return fail('FILE_EMPTY', '文件是空的，请重新选择')
  if (bytes.length > HOST_PDF_MAX_BYTES) {
    return fail('FILE_TOO_LARGE', `合同 PDF 过大（${sizeLabel(bytes.length)}），请上传不超过 ${sizeLabel(HOST_PDF_MAX_BYTES)} 的文件`)
  }
  if (sniffFileKind(bytes) !== 'PDF') {
    return fail(
      'NOT_PDF',
      /\.pdf$/i.test(fileName.trim()) ? '该文件虽以 .pdf 结尾，但内容不是 PDF，请上传真正的 PDF 合同' : '文件格式不支持，请上传 PDF 格式的合同'
    )
  }
  if (!isComplete(bytes, 'PDF')) return fail('FILE_TRUNCATED', '该 PDF 不完整或已损坏，请重新导出后上传')
  // The trailer (or cross-reference stream) sits at the end; scan the last window, and the
  // whole file when it is small, so a linearized file's first-page trailer is seen too.
  const from = bytes.length <= 4 * TRAILER_WINDOW ? 0 : bytes.length - TRAILER_WINDOW
  if (indexOfBytes(bytes, ENCRYPT, from) >= 0 || (from > 0 && indexOfBytes(bytes, ENCRYPT, 0, TRAILER_WINDOW) >= 0)) {
    return fail('ENCRYPTED', '该 PDF 已加密或设有密码，请上传未加密的合同文件')
  }
  return ok({ size: bytes.length })
}

/** What a failure of the PDF renderer (pdfjs) means to the host. */
export function pdfOpenErrorMessage(kind: 'PASSWORD' | 'INVALID' | 'OTHER'): string {
  if (kind === 'PASSWORD') return '该 PDF 已加密或设有密码，请上传未加密的合同文件'
  if (kind === 'INVALID') return '无法读取该 PDF，文件可能已损坏，请重新导出后上传'
  return '无法显示该 PDF 的页面，请换一个文件或稍后重试'
}
