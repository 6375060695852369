/**
 * The PDF of record of a contract: the original PDF with every field stamped, a 签署报告 page
 * appended, and (once the flow is complete) the platform's digital signature over all of it.
 * Before completion the same document without the signature serves as a preview.
 */
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import { PDFDocument } from 'pdf-lib'
import type { KaiShardLoader } from '@/domain/signature/glyphs'
import type { SignerKeys } from './pkcs7'
import { appendReport, reportTexts, type SigningReport } from './report'
import { saveSigned } from './sign'
import { applyStamps, stampTexts, type Stamp } from './stamp'
import { glyphsFor, isSubstitute, OutlineFonts } from './text'

export interface RecordInput {
  original: Uint8Array
  stamps: Stamp[]
  report: Omit<SigningReport, 'originalSha256' | 'stampedSha256'>
  loadShard: KaiShardLoader
  /** present: sign the result (a completed flow); absent: a preview */
  signature?: { keys: SignerKeys; signingTime: Date; reason: string; name: string }
}

export interface PdfOfRecord {
  pdf: Uint8Array
  originalSha256: string
  stampedSha256: string
  /** pages of the original plus the report's */
  pageCount: number
  signed: boolean
  /** characters drawn as hex boxes because the outlines lack them (their text is still right) */
  substituted: string[]
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes))
}

export async function makePdfOfRecord(input: RecordInput): Promise<PdfOfRecord> {
  const originalSha256 = sha256Hex(input.original)
  const report: SigningReport = { ...input.report, originalSha256, stampedSha256: '0'.repeat(64) }
  const glyphs = await glyphsFor([...stampTexts(input.stamps), ...reportTexts(report)], input.loadShard)
  const doc = await PDFDocument.load(input.original, { updateMetadata: false })
  const stampFonts = new OutlineFonts(doc, glyphs)
  await applyStamps(doc, input.stamps, stampFonts)
  stampFonts.finish()
  const stamped = await doc.save({ useObjectStreams: false })
  report.stampedSha256 = sha256Hex(stamped)
  const out = await PDFDocument.load(stamped, { updateMetadata: false })
  const reportFonts = new OutlineFonts(out, glyphs)
  appendReport(out, report, reportFonts)
  reportFonts.finish()
  out.setTitle(input.report.title)
  out.setProducer('InkSeal 电子签')
  out.setCreationDate(input.signature?.signingTime ?? new Date(0))
  out.setModificationDate(input.signature?.signingTime ?? new Date(0))
  const pdf = input.signature
    ? await saveSigned(out, { reason: input.signature.reason, name: input.signature.name, signingTime: input.signature.signingTime }, input.signature.keys)
    : await out.save({ useObjectStreams: false })
  const substituted = [...glyphs].filter(([, g]) => isSubstitute(g)).map(([ch]) => ch)
  return { pdf, originalSha256, stampedSha256: report.stampedSha256, pageCount: out.getPageCount(), signed: !!input.signature, substituted }
}
