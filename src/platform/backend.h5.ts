import type { AppSandbox } from '@/services/sandbox/appBackend'
import type { KeyValueStore } from '@/services/storage'

/**
 * Loads the embedded sandbox. H5: a dynamic import, so the sandbox is its own chunk, fetched
 * when the app first calls the backend (after the landing page has rendered), not parsed
 * before the first render.
 */
export async function loadSandbox(storage: KeyValueStore, linkBase: string): Promise<AppSandbox> {
  const m = await import(/* webpackChunkName: "sandbox" */ '@/services/sandbox/appBackend')
  return m.createAppSandbox(storage, linkBase)
}
