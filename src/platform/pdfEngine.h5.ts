import type { KaiShardLoader } from '@/domain/signature/glyphs'

export type PdfEngine = typeof import('@/domain/pdf/engine') & { loadShard: KaiShardLoader }

/**
 * H5 (and Node: tests, the sandbox server): the PDF engine is a chunk of its own, fetched the
 * first time a document is made; the font outlines come shard by shard (glyphs.h5.ts).
 */
export async function loadPdfEngine(): Promise<PdfEngine> {
  const [engine, glyphs] = await Promise.all([import(/* webpackChunkName: "pdf-engine" */ '@/domain/pdf/engine'), import('@/platform/glyphs')])
  return { ...engine, loadShard: glyphs.loadKaiShard }
}
