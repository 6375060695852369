import { fail, ok, type Validation } from './validation'

/**
 * What a file is, decided by its BYTES (magic numbers and the end-of-file marker), never by
 * its name or the MIME type the picker reports. Used on the device before uploading and again
 * by the backend once all chunks have arrived.
 *
 * - PNG:  89 50 4E 47 0D 0A 1A 0A, then an IHDR chunk; complete when the IEND chunk is there
 * - JPEG: FF D8 FF; complete when the EOI marker FF D9 is within the last 1 KB (cameras may
 *         pad after it)
 * - PDF:  "%PDF-" within the first 1 KB (the spec allows junk before it); complete when
 *         "%%EOF" is within the last 1 KB
 */
export type FileKind = 'PNG' | 'JPEG' | 'PDF'

export const FILE_KIND_MIME: Record<FileKind, string> = {
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  PDF: 'application/pdf'
}

export const FILE_KIND_LABEL: Record<FileKind, string> = { PNG: 'PNG', JPEG: 'JPG', PDF: 'PDF' }

export const MB = 1024 * 1024

export interface FileInfo {
  kind: FileKind
  mime: string
  size: number
}

export interface FileRule {
  accept: readonly FileKind[]
  maxBytes: number
}

/** Business licence photos: PNG or JPG, at most 5 MB. */
export const LICENSE_FILE_RULE: FileRule = { accept: ['PNG', 'JPEG'], maxBytes: 5 * MB }
/** Signed and stamped authorization letters: JPG, PNG or PDF, at most 8 MB. */
export const LETTER_FILE_RULE: FileRule = { accept: ['JPEG', 'PNG', 'PDF'], maxBytes: 8 * MB }

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const PNG_IEND = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82] // "IEND" + its CRC
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const PDF_EOF = [0x25, 0x25, 0x45, 0x4f, 0x46] // %%EOF
const TAIL = 1024

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false
  return true
}

/** Index of `sig` in b[from, to), or -1. */
export function indexOfBytes(b: Uint8Array, sig: ArrayLike<number>, from = 0, to = b.length): number {
  const end = Math.min(to, b.length) - sig.length
  outer: for (let i = Math.max(0, from); i <= end; i++) {
    for (let j = 0; j < sig.length; j++) if (b[i + j] !== sig[j]) continue outer
    return i
  }
  return -1
}

/** The kind the first bytes announce, or null. Says nothing about completeness. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'PNG'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG'
  if (indexOfBytes(bytes, PDF_HEADER, 0, TAIL) >= 0) return 'PDF'
  return null
}

/** True when a file of the sniffed kind has its header and its end marker. */
export function isComplete(bytes: Uint8Array, kind: FileKind): boolean {
  const n = bytes.length
  switch (kind) {
    case 'PNG':
      // signature (8) + IHDR length (4) + "IHDR" + 13 data bytes + CRC (4) = 33, + IEND chunk (12)
      return n >= 45 && startsWith(bytes, [0x49, 0x48, 0x44, 0x52], 12) && indexOfBytes(bytes, PNG_IEND, Math.max(33, n - TAIL)) >= 0
    case 'JPEG':
      return n >= 4 && indexOfBytes(bytes, [0xff, 0xd9], Math.max(2, n - TAIL)) >= 0
    case 'PDF':
      return indexOfBytes(bytes, PDF_EOF, Math.max(5, n - TAIL)) >= 0
  }
}

function acceptedLabel(accept: readonly FileKind[]): string {
  return accept.map((k) => FILE_KIND_LABEL[k]).join('、')
}

export function sizeLabel(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

/**
 * Checks a whole file against a rule: not empty, not over the size limit, of an accepted kind
 * by its bytes, and not cut off. Error codes: FILE_EMPTY, FILE_TOO_LARGE, FILE_TYPE, FILE_TRUNCATED.
 */
export function checkFile(bytes: Uint8Array, rule: FileRule): Validation<FileInfo> {
  if (!bytes || bytes.length === 0) return fail('FILE_EMPTY', '文件是空的，请重新选择')
  if (bytes.length > rule.maxBytes) {
    return fail('FILE_TOO_LARGE', `文件过大（${sizeLabel(bytes.length)}），请上传不超过 ${sizeLabel(rule.maxBytes)} 的文件`)
  }
  const kind = sniffFileKind(bytes)
  if (!kind || !rule.accept.includes(kind)) {
    return fail('FILE_TYPE', `文件格式不支持，请上传 ${acceptedLabel(rule.accept)} 格式的文件`)
  }
  if (!isComplete(bytes, kind)) return fail('FILE_TRUNCATED', '文件不完整或已损坏，请重新选择')
  return ok({ kind, mime: FILE_KIND_MIME[kind], size: bytes.length })
}

/** The size check alone, for a size declared before the bytes are read or sent. */
export function checkDeclaredSize(size: number, rule: FileRule): Validation<number> {
  if (!Number.isFinite(size) || size <= 0) return fail('FILE_EMPTY', '文件是空的，请重新选择')
  if (size > rule.maxBytes) {
    return fail('FILE_TOO_LARGE', `文件过大（${sizeLabel(size)}），请上传不超过 ${sizeLabel(rule.maxBytes)} 的文件`)
  }
  return ok(size)
}
