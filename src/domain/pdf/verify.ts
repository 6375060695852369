/**
 * Checking the digital signatures of a PDF (合同验签): every /ByteRange signature dictionary,
 * its detached PKCS#7 against the bytes it covers, and whether it covers the whole file. No
 * PDF library: byte scanning and node-forge only, so the 合同验签 page stays small.
 */
import { indexOfBytes as indexOf } from '@/domain/fileType'
import { dec, enc, lastIndexOf } from './bytes'
import { checkDetached, type SignerInfo } from './pkcs7'

export interface PdfSignatureCheck {
  /** the signature matches the bytes it covers */
  intact: boolean
  /** the covered bytes reach the end of the file: nothing was appended after signing */
  coversWholeDocument: boolean
  reason: 'OK' | 'MALFORMED' | 'DIGEST_MISMATCH' | 'BAD_SIGNATURE' | 'UNSUPPORTED' | 'BAD_BYTE_RANGE'
  signer: SignerInfo | null
}

export type PdfVerification = { signed: false } | { signed: true; signatures: PdfSignatureCheck[] }

/** Finds every /ByteRange signature in the file and checks it. */
export function verifyPdf(pdf: Uint8Array): PdfVerification {
  const checks: PdfSignatureCheck[] = []
  const marker = enc('/ByteRange')
  let at = indexOf(pdf, marker)
  while (at >= 0) {
    const tail = dec(pdf.subarray(at, Math.min(pdf.length, at + 200)))
    const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(tail)
    if (m) checks.push(checkOne(pdf, m.slice(1, 5).map(Number) as [number, number, number, number]))
    at = indexOf(pdf, marker, at + marker.length)
  }
  return checks.length ? { signed: true, signatures: checks } : { signed: false }
}

function checkOne(pdf: Uint8Array, [a, b, c, d]: [number, number, number, number]): PdfSignatureCheck {
  const bad = (reason: PdfSignatureCheck['reason']): PdfSignatureCheck => ({ intact: false, coversWholeDocument: false, reason, signer: null })
  if (a !== 0 || b <= 0 || c <= b + 1 || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return bad('BAD_BYTE_RANGE')
  const hex = dec(pdf.subarray(b + 1, c - 1))
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2) return bad('MALFORMED')
  const der = new Uint8Array(hex.length / 2)
  for (let i = 0; i < der.length; i++) der[i] = parseInt(hex.substr(i * 2, 2), 16)
  const content = new Uint8Array(b + d)
  content.set(pdf.subarray(0, b), 0)
  content.set(pdf.subarray(c, c + d), b)
  const r = checkDetached(content, der)
  // the last signature must end where the file does (ignoring one trailing EOL)
  const rest = pdf.length - (c + d)
  const coversWholeDocument = rest === 0 || (rest <= 2 && lastIndexOf(pdf, enc('%%EOF')) < c + d)
  return r.ok
    ? { intact: true, coversWholeDocument, reason: 'OK', signer: r.signer }
    : { intact: false, coversWholeDocument, reason: r.reason, signer: r.signer }
}
