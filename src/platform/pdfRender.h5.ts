import { PdfOpenError, type OpenedPdf, type PdfRenderer, type RenderedPage } from './pdfRenderTypes'

export * from './pdfRenderTypes'

type PdfJs = typeof import('pdfjs-dist')

let loading: Promise<PdfJs> | null = null

/**
 * pdfjs-dist, loaded the first time a host opens a PDF: its own chunk ("pdfjs"), never on
 * the landing route. Its worker comes from the bundle too (pdfWorker.h5.ts); when a worker
 * cannot start, pdfjs runs the same bundled worker code on the page ("fake worker").
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const pdfjs = (await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.min.mjs')) as unknown as PdfJs
    if (!pdfjs.GlobalWorkerOptions.workerPort) {
      try {
        const { startPdfWorker } = await import(/* webpackChunkName: "pdfjs" */ './pdfWorker.h5')
        pdfjs.GlobalWorkerOptions.workerPort = startPdfWorker()
      } catch {
        const worker = await import(/* webpackChunkName: "pdfjs-fake-worker" */ 'pdfjs-dist/legacy/build/pdf.worker.min.mjs')
        ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
      }
    }
    return pdfjs
  })().catch((e) => {
    loading = null
    throw e
  })
  return loading
}

function failureOf(e: unknown): PdfOpenError {
  const name = (e as { name?: string })?.name
  if (name === 'PasswordException') return new PdfOpenError('PASSWORD', 'password')
  if (name === 'InvalidPDFException' || name === 'MissingPDFException' || name === 'FormatError') return new PdfOpenError('INVALID', String(e))
  return new PdfOpenError('OTHER', String((e as Error)?.message ?? e))
}

/** H5: pdfjs-dist draws each page on a canvas and hands back a JPEG. */
export const pdfRenderer: PdfRenderer = {
  async open(bytes: Uint8Array): Promise<OpenedPdf> {
    let pdfjs: PdfJs
    try {
      pdfjs = await loadPdfJs()
    } catch (e) {
      throw new PdfOpenError('OTHER', `pdfjs failed to load: ${String(e)}`)
    }
    // pdfjs hands the buffer to its worker (detaching it): give it a copy.
    const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, stopAtErrors: false })
    let doc: Awaited<typeof task.promise>
    try {
      doc = await task.promise
    } catch (e) {
      void task.destroy()
      throw failureOf(e)
    }
    return {
      pageCount: doc.numPages,
      async renderPage(index: number, widthPx: number, quality = 0.8): Promise<RenderedPage> {
        const page = await doc.getPage(index + 1)
        // Unrotated, as the service wants it (fields are fractions of the unrotated page)
        const base = page.getViewport({ scale: 1, rotation: 0 })
        const viewport = page.getViewport({ scale: widthPx / base.width, rotation: 0 })
        const canvas = document.createElement('canvas')
        canvas.width = Math.max(1, Math.round(viewport.width))
        canvas.height = Math.max(1, Math.round(viewport.height))
        const ctx = canvas.getContext('2d')
        if (!ctx) throw new PdfOpenError('OTHER', 'no 2d canvas')
        ctx.fillStyle = '#ffffff'
        ctx.fillRect(0, 0, canvas.width, canvas.height)
        await page.render({ canvasContext: ctx, viewport }).promise
        page.cleanup()
        const url = canvas.toDataURL('image/jpeg', quality)
        canvas.width = canvas.height = 0
        return { widthPt: base.width, heightPt: base.height, jpegBase64: url.slice(url.indexOf(',') + 1), url }
      },
      close() {
        void doc.destroy()
      }
    }
  }
}
