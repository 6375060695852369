import { OPERATIONS, type InkSealService } from './types'

export interface LazyService<L> {
  /** Forwards every operation to the implementation, loading it on the first call. */
  service: InkSealService
  /** Loads the implementation now (once) and gives what the loader gave. */
  load(): Promise<L>
}

/**
 * `loader`, called at most once while its promise is pending or fulfilled; a failed load is
 * not kept, so the next call tries again.
 */
export function loadOnce<T>(loader: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null
  return () => {
    if (!pending) {
      pending = loader()
      pending.catch(() => {
        pending = null
      })
    }
    return pending
  }
}

/**
 * An InkSealService whose implementation is loaded on first use. The app uses it for the
 * embedded sandbox: on H5 the sandbox is its own chunk, fetched when the landing page asks its
 * first question (after the page has rendered) instead of being parsed before anything shows.
 * A failed load is not kept: the next call tries again.
 */
export function lazyService<L>(loader: () => Promise<L>, serviceOf: (loaded: L) => InkSealService): LazyService<L> {
  const load = loadOnce(loader)
  const service: Record<string, unknown> = {}
  for (const op of OPERATIONS) {
    service[op] = (input: unknown) => load().then((l) => (serviceOf(l)[op] as (i: unknown) => Promise<unknown>)(input))
  }
  return { service: service as unknown as InkSealService, load }
}
