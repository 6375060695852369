import { createAppSandbox, type AppSandbox } from '@sandbox/appBackend'
import type { SandboxModuleLoaders } from '@sandbox/onDemand'
import type { KeyValueStore } from '@/services/storage'

/**
 * The "sandbox" chunk's entry (imported by backend.h5.ts). The feature modules' own imports
 * are written here, inside that chunk, so webpack knows the core is already loaded when they
 * are and leaves the modules they share with it (demo data, hashing, rng) out of their chunks.
 */
const modules: SandboxModuleLoaders = {
  // With the hosted-contract support: a phone may open a meeting a host set up in this browser
  signing: () =>
    Promise.all([
      import(/* webpackChunkName: "sandbox-signing" */ '@sandbox/signing'),
      import(/* webpackChunkName: "sandbox-signing" */ '@sandbox/signing/hostedContract')
    ]).then(([m, hosted]) => {
      hosted.installHostedContracts()
      return m.signingModule
    }),
  enterprise: () => import(/* webpackChunkName: "sandbox-enterprise" */ '@sandbox/enterprise').then((m) => m.enterpriseModule),
  host: () => import(/* webpackChunkName: "sandbox-host" */ '@sandbox/host').then((m) => m.hostModule),
  org: () => import(/* webpackChunkName: "sandbox-org" */ '@sandbox/org').then((m) => m.orgModule)
}

export function createH5Sandbox(storage: KeyValueStore, linkBase: string): AppSandbox {
  return createAppSandbox(storage, linkBase, modules)
}
