import { makeAutoObservable, observable, runInAction } from 'mobx'
import { checkHostPdf, pdfOpenErrorMessage } from '@/domain/meeting/hostPdf'
import { checkPageCount } from '@/domain/meeting/setup'
import { PdfOpenError, type OpenedPdf, type PdfRenderer, type RenderedPage } from '@/platform/pdfRenderTypes'

/**
 * How pages are drawn (px wide, JPEG quality): sharp on a big screen for short contracts,
 * smaller for long ones, so that all the page images stay within the backend's 24 MB
 * (HOST_UPLOAD_LIMITS.pageImagesMaxBytes, ≈ 120 KB a page at 200 pages).
 */
export function renderPlan(pageCount: number): { width: number; quality: number } {
  if (pageCount <= 40) return { width: 1200, quality: 0.8 }
  if (pageCount <= 100) return { width: 900, quality: 0.72 }
  return { width: 700, quality: 0.6 }
}

/** One page image at most this big (HOST_UPLOAD_LIMITS.pageImageMaxBytes); a bigger one is drawn again smaller. */
export const PAGE_IMAGE_MAX_BYTES = 1024 * 1024
/** All page images together at most this big (HOST_UPLOAD_LIMITS.pageImagesMaxBytes). */
export const PAGE_IMAGES_MAX_BYTES = 24 * 1024 * 1024

/** Bytes of a base64 text. */
function base64Bytes(b64: string): number {
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0)
}

export interface PickedPdf {
  name: string
  bytes: Uint8Array
}

/**
 * The contract PDF: checked by its bytes, opened with the renderer (pdfjs on H5), its page
 * count checked, then every page drawn in turn (the editor shows each as it comes). A file
 * that fails any check leaves the previous document, and everything else, as it was.
 */
export class HostDocumentUnit {
  fileName = ''
  bytes: Uint8Array | null = null
  pageCount = 0
  pages: (RenderedPage | null)[] = []
  /** Why the last file was refused, or a page failed to draw (Chinese) */
  error: string | null = null
  /** Checking and opening a newly picked file */
  opening = false
  private opened: OpenedPdf | null = null
  private generation = 0

  constructor(private readonly renderer: PdfRenderer) {
    makeAutoObservable<HostDocumentUnit, 'renderer' | 'opened' | 'generation'>(this, {
      renderer: false,
      opened: false,
      generation: false,
      bytes: observable.ref,
      pages: observable.shallow
    })
  }

  get loaded(): boolean {
    return !!this.bytes && this.pageCount > 0
  }

  get renderedCount(): number {
    return this.pages.filter(Boolean).length
  }

  /** Every page drawn: the meeting can start. */
  get ready(): boolean {
    return this.loaded && this.renderedCount === this.pageCount
  }

  get rendering(): boolean {
    return this.loaded && !this.ready && !this.error
  }

  fail(message: string): void {
    this.error = message
  }

  /**
   * A picked file. Resolves with its page count when taken, or null when refused (the reason
   * in `error`, the previous document kept).
   */
  async load(file: PickedPdf): Promise<number | null> {
    const checked = checkHostPdf(file.bytes, file.name)
    if (!checked.ok) {
      this.error = checked.message
      return null
    }
    this.opening = true
    this.error = null
    let opened: OpenedPdf
    try {
      opened = await this.renderer.open(file.bytes)
    } catch (e) {
      runInAction(() => {
        this.opening = false
        this.error = pdfOpenErrorMessage(e instanceof PdfOpenError ? e.kind : 'OTHER')
      })
      return null
    }
    const tooMany = checkPageCount(opened.pageCount)
    if (tooMany) {
      opened.close()
      runInAction(() => {
        this.opening = false
        this.error = tooMany
      })
      return null
    }
    const generation = ++this.generation
    runInAction(() => {
      this.opened?.close()
      this.opened = opened
      this.opening = false
      this.fileName = file.name.trim() || '合同.pdf'
      this.bytes = file.bytes
      this.pageCount = opened.pageCount
      this.pages = Array.from({ length: opened.pageCount }, () => null)
    })
    void this.renderMissing(generation)
    return opened.pageCount
  }

  /** Draws the pages not drawn yet, in order (again after a failure: 重新加载页面). */
  async renderMissing(generation = this.generation): Promise<void> {
    const opened = this.opened
    if (!opened) return
    runInAction(() => (this.error = null))
    const plan = renderPlan(this.pageCount)
    for (let i = 0; i < this.pageCount; i++) {
      if (this.pages[i]) continue
      try {
        let page = await opened.renderPage(i, plan.width, plan.quality)
        // A dense page (a scan, a photo) is drawn again smaller until it fits.
        for (let shrink = 0.75; base64Bytes(page.jpegBase64) > PAGE_IMAGE_MAX_BYTES && shrink > 0.3; shrink -= 0.2) {
          page = await opened.renderPage(i, Math.round(plan.width * shrink), 0.6)
        }
        if (generation !== this.generation) return
        runInAction(() => {
          this.pages[i] = page
        })
      } catch {
        if (generation !== this.generation) return
        runInAction(() => (this.error = `第 ${i + 1} 页无法显示，请点击“重新加载页面”或换一个文件`))
        return
      }
    }
  }

  /** Bytes of all the page images drawn so far (what the upload carries besides the PDF). */
  get imageBytes(): number {
    return this.pages.reduce((n, p) => n + (p ? base64Bytes(p.jpegBase64) : 0), 0)
  }

  /** A page's height over its width (1.414 for A4 portrait); √2 until drawn. */
  aspect(page: number): number {
    const p = this.pages[page]
    return p ? p.heightPt / p.widthPt : Math.SQRT2
  }

  clear(): void {
    this.generation++
    this.opened?.close()
    this.opened = null
    this.fileName = ''
    this.bytes = null
    this.pageCount = 0
    this.pages = []
    this.error = null
  }
}
