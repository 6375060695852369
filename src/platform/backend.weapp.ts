import type { AppSandbox } from '@/services/sandbox/appBackend'
import type { SandboxModuleLoaders } from '@/services/sandbox/onDemand'
import type { KeyValueStore } from '@/services/storage'

/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * WeChat: the mini-program build has no chunk loading, so the sandbox is in the package; its
 * modules are only evaluated and initialised here, on first use.
 */
const modules: SandboxModuleLoaders = {
  signing: async () => (require('@/services/sandbox/signing') as typeof import('@/services/sandbox/signing')).signingModule,
  enterprise: async () => (require('@/services/sandbox/enterprise') as typeof import('@/services/sandbox/enterprise')).enterpriseModule
}

/** Loads the embedded sandbox's core, on the first backend call. */
export async function loadSandbox(storage: KeyValueStore, linkBase: string): Promise<AppSandbox> {
  const m = require('@/services/sandbox/appBackend') as typeof import('@/services/sandbox/appBackend')
  return m.createAppSandbox(storage, linkBase, modules)
}
