import type { AppSandbox } from '@/services/sandbox/appBackend'
import type { KeyValueStore } from '@/services/storage'

/**
 * Loads the embedded sandbox. WeChat: the mini-program build has no chunk loading, so the
 * sandbox is in the package and is only initialised here, on the first backend call.
 */
export async function loadSandbox(storage: KeyValueStore, linkBase: string): Promise<AppSandbox> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const m = require('@/services/sandbox/appBackend') as typeof import('@/services/sandbox/appBackend')
  return m.createAppSandbox(storage, linkBase)
}
