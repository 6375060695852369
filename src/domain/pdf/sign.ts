/**
 * PDF digital signatures (ISO 32000-1 12.8, SubFilter adbe.pkcs7.detached): a signature field
 * whose /Contents holds a detached PKCS#7 over every byte of the file but the /Contents value
 * itself (/ByteRange).
 *
 * Written by hand after @signpdf's approach (placeholder, then fill in): @signpdf works on
 * Node Buffers, which neither browsers nor WeChat have, and this is ~150 lines.
 */
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib'
import { signDetached, type SignerKeys } from './pkcs7'
import { indexOfBytes as indexOf } from '@/domain/fileType'
import { enc } from './bytes'

/** Bytes reserved for the PKCS#7 DER (a 2048-bit RSA signature with its chain is ~3 KB). */
export const SIGNATURE_BYTES = 8192
const BYTE_RANGE_PLACEHOLDER = '**********'

export interface SignatureMeta {
  reason: string
  /** who signs (the platform) */
  name: string
  location?: string
  signingTime: Date
}

function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`
}

/** Adds an invisible signature field with a placeholder /Contents and /ByteRange. */
export function addSignaturePlaceholder(doc: PDFDocument, meta: SignatureMeta): void {
  const ctx = doc.context
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'adbe.pkcs7.detached',
    ByteRange: [0, PDFName.of(BYTE_RANGE_PLACEHOLDER), PDFName.of(BYTE_RANGE_PLACEHOLDER), PDFName.of(BYTE_RANGE_PLACEHOLDER)],
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_BYTES * 2)),
    Reason: PDFHexString.fromText(meta.reason),
    Name: PDFHexString.fromText(meta.name),
    Location: PDFHexString.fromText(meta.location ?? ''),
    M: PDFString.of(pdfDate(meta.signingTime))
  })
  const sigRef = ctx.register(sig)
  const page = doc.getPage(doc.getPageCount() - 1)
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: sigRef,
    T: PDFHexString.fromText(`InkSeal-${doc.getPageCount()}-${Math.floor(meta.signingTime.getTime() / 1000)}`),
    F: 4,
    P: page.ref
  })
  const widgetRef = ctx.register(widget)
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
  if (annots) annots.push(widgetRef)
  else page.node.set(PDFName.of('Annots'), ctx.obj([widgetRef]))
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [widgetRef], SigFlags: PDFNumber.of(3) }))
}

export class PdfSignError extends Error {}

/**
 * Saves the document (no object streams, so the placeholder is plain text in the file),
 * fills in /ByteRange and signs everything outside /Contents.
 */
export async function saveSigned(doc: PDFDocument, meta: SignatureMeta, keys: SignerKeys): Promise<Uint8Array> {
  addSignaturePlaceholder(doc, meta)
  const pdf = await doc.save({ useObjectStreams: false })
  const brText = `/ByteRange [ 0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} ]`
  const brAt = indexOf(pdf, enc(brText))
  if (brAt < 0) throw new PdfSignError('byte range placeholder not found')
  const contentsAt = indexOf(pdf, enc(`<${'0'.repeat(SIGNATURE_BYTES * 2)}>`))
  if (contentsAt < 0) throw new PdfSignError('contents placeholder not found')
  const contentsEnd = contentsAt + SIGNATURE_BYTES * 2 + 2
  const range = [0, contentsAt, contentsEnd, pdf.length - contentsEnd]
  const filled = `/ByteRange [${range.join(' ')}]`
  if (filled.length > brText.length) throw new PdfSignError('byte range does not fit')
  pdf.set(enc(filled.padEnd(brText.length, ' ')), brAt)
  const signed = new Uint8Array(range[1] + range[3])
  signed.set(pdf.subarray(0, range[1]), 0)
  signed.set(pdf.subarray(range[2]), range[1])
  const der = signDetached(signed, keys, meta.signingTime)
  if (der.length > SIGNATURE_BYTES) throw new PdfSignError('signature larger than its placeholder')
  let hex = ''
  for (const b of der) hex += b.toString(16).padStart(2, '0')
  pdf.set(enc(hex.padEnd(SIGNATURE_BYTES * 2, '0')), contentsAt + 1)
  return pdf
}
