import type { AppSandbox } from '@sandbox/appBackend'
import type { KeyValueStore } from '@/services/storage'

/**
 * Loads the embedded sandbox. H5: chunks of their own. The sandbox core (sandboxChunk.h5.ts)
 * is fetched when the app first calls the backend, after the landing page has rendered; its
 * signing and enterprise modules when an operation of theirs is first called.
 */
export async function loadSandbox(storage: KeyValueStore, linkBase: string): Promise<AppSandbox> {
  const m = await import(/* webpackChunkName: "sandbox" */ './sandboxChunk.h5')
  return m.createH5Sandbox(storage, linkBase)
}
