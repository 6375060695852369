/**
 * Opens a PDF a person uploaded (the host's contract) with pdf-lib, to learn what it really is:
 * its page count and each page's size. Part of the PDF engine (engine.ts), so pdf-lib loads
 * only when a document is checked.
 */
import { PDFDocument } from 'pdf-lib'

export interface PdfInspection {
  pageCount: number
  /** Unrotated page sizes in points, and each page's /Rotate (0, 90, 180, 270) */
  pages: { width: number; height: number; rotation: number }[]
}

export type PdfProblem = 'ENCRYPTED' | 'DAMAGED'

export class PdfInspectError extends Error {
  constructor(
    readonly problem: PdfProblem,
    message: string
  ) {
    super(message)
    this.name = 'PdfInspectError'
  }
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false })
  } catch (e) {
    const name = (e as Error)?.name ?? ''
    const message = String((e as Error)?.message ?? e)
    if (name === 'EncryptedPDFError' || /encrypt/i.test(message)) throw new PdfInspectError('ENCRYPTED', message)
    throw new PdfInspectError('DAMAGED', message)
  }
  const pages = doc.getPages().map((p) => {
    const { width, height } = p.getSize()
    const rotation = ((p.getRotation().angle % 360) + 360) % 360
    return { width, height, rotation }
  })
  return { pageCount: pages.length, pages }
}
