import type { KaiShardLoader } from '@/domain/signature/glyphs'

export type PdfEngine = typeof import('@/domain/pdf/engine') & { loadShard: KaiShardLoader }

/**
 * WeChat: the embedded sandbox runs in the main package, which cannot carry pdf-lib and
 * node-forge (≈ 700 KB) within its budget; a real backend (or the sandbox server over HTTP)
 * makes the PDFs there. The sandbox answers DOCUMENT_UNAVAILABLE.
 */
export async function loadPdfEngine(): Promise<PdfEngine> {
  throw new Error('no PDF engine in the WeChat build')
}
