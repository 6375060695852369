/**
 * Everything the backend needs to make PDFs of record, in one module so that it can be loaded
 * on demand as one chunk (src/platform/pdfEngine.*): pdf-lib and node-forge stay out of every
 * bundle until a document is asked for.
 */
export { makePdfOfRecord, sha256Hex, type PdfOfRecord, type RecordInput } from './record'
export { pdfFromPages, type LaidOutPage, type LaidOutText } from './pages'
export { createTestCa, type TestCa } from './testCa'
export { inspectPdf, PdfInspectError, type PdfInspection, type PdfProblem } from './inspect'
export type { Stamp } from './stamp'
export type { ReportSigner, SigningReport } from './report'
