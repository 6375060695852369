import type { AppSandbox } from '@sandbox/appBackend'
import type { SandboxModuleLoaders } from '@sandbox/onDemand'
import { ServiceError } from '@/services/errors'
import type { KeyValueStore } from '@/services/storage'

/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * WeChat: the mini-program build has no chunk loading, so the sandbox is in the package; its
 * modules are only evaluated and initialised here, on first use.
 */
const modules: SandboxModuleLoaders = {
  signing: async () => (require('@sandbox/signing') as typeof import('@sandbox/signing')).signingModule,
  enterprise: async () => (require('@sandbox/enterprise') as typeof import('@sandbox/enterprise')).enterpriseModule,
  // The host console is H5 only (no mini-program page calls it): not in the package.
  host: async () => {
    throw new ServiceError('UNSUPPORTED', '小程序暂不支持发起会中签约，请在电脑浏览器中打开主持人控制台')
  },
  org: async () => (require('@sandbox/org') as typeof import('@sandbox/org')).orgModule
}

/** Loads the embedded sandbox's core, on the first backend call. */
export async function loadSandbox(storage: KeyValueStore, linkBase: string): Promise<AppSandbox> {
  const m = require('@sandbox/appBackend') as typeof import('@sandbox/appBackend')
  return m.createAppSandbox(storage, linkBase, modules)
}
