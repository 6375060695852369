/**
 * What the host console needs of a PDF renderer (pdfRender.h5.ts: pdfjs-dist; the WeChat
 * build has none). Plain types, shared by both platform files and the host store.
 */

/** One page drawn for the meeting: its size in PDF points and a JPEG of it. */
export interface RenderedPage {
  /** Page size in PDF points (1/72 in), unrotated (the page's /Rotate is not applied) */
  widthPt: number
  heightPt: number
  /** The page as a JPEG, base64 without a data: prefix (what the service gets) */
  jpegBase64: string
  /** A URL an <Image> can show (a data: URL of the same JPEG) */
  url: string
}

export interface OpenedPdf {
  pageCount: number
  /** Draws page `index` (0-based) about `widthPx` pixels wide, as a JPEG of `quality` (0–1) */
  renderPage(index: number, widthPx: number, quality?: number): Promise<RenderedPage>
  close(): void
}

/** Why a PDF could not be opened: a password, a broken file, anything else. */
export type PdfOpenFailure = 'PASSWORD' | 'INVALID' | 'OTHER'

export class PdfOpenError extends Error {
  constructor(
    readonly kind: PdfOpenFailure,
    message: string
  ) {
    super(message)
    this.name = 'PdfOpenError'
  }
}

export interface PdfRenderer {
  /** Opens a PDF (rejects with PdfOpenError) */
  open(bytes: Uint8Array): Promise<OpenedPdf>
}
