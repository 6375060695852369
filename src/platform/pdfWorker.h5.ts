/**
 * The pdfjs worker, from the bundle: webpack sees `new Worker(new URL(…, import.meta.url))`
 * and emits the worker as a chunk of its own, served next to the app (never from a CDN).
 * A module of its own so that only the lazily loaded renderer reaches `import.meta`.
 */
export function startPdfWorker(): Worker {
  return new Worker(/* webpackChunkName: "pdfjs-worker" */ new URL('pdfjs-dist/legacy/build/pdf.worker.min.mjs', import.meta.url), { type: 'module' })
}
