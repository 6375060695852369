import type { KeyValueStore } from '@/services/storage'
import type { InkSealService, SandboxDevTools } from '@/services/types'
import { DevStore, type DevPanel, type DevToolsLoaders } from './DevStore'
import { EntryStore } from './EntryStore'
import { FlowStore } from './FlowStore'
import { SIGN_OUT_KEYS } from './personalKeys'
import { SessionStore } from './SessionStore'

export interface RootStoreOptions {
  service: InkSealService
  /** Present only when the backend is the embedded sandbox: the tools, or their loader. */
  devTools?: SandboxDevTools | DevToolsLoaders | null
  /** The developer panel's store when it is not made from `devTools` (the sandbox server over HTTP: RemoteDevStore) */
  devPanel?: DevPanel | null
  storage: KeyValueStore
  allowedHosts: () => string[]
  now?: () => number
}

/**
 * A store the root makes on first use (see RootStore.feature). Features are declared in
 * src/stores/features/*, which only the pages that need them import: that keeps the signing,
 * signature and enterprise stores (and what they import) out of the landing route's code on
 * H5 and, for enterprise and meeting, out of the WeChat main package.
 */
export interface Feature<T> {
  readonly key: string
  create(root: RootStore): T
}

export function defineFeature<T>(key: string, create: (root: RootStore) => T): Feature<T> {
  return { key, create }
}

/** One root for every store, given to views through React context (StoreContext.tsx). */
export class RootStore {
  readonly service: InkSealService
  readonly storage: KeyValueStore
  readonly now: () => number
  readonly session: SessionStore
  readonly entry: EntryStore
  readonly flow: FlowStore
  readonly dev: DevPanel | null
  private readonly features = new Map<string, unknown>()
  private readonly signOutHooks: Array<() => void> = []

  constructor(opts: RootStoreOptions) {
    this.now = opts.now ?? (() => Date.now())
    this.service = opts.service
    this.storage = opts.storage
    this.session = new SessionStore(opts.storage, this.now)
    this.entry = new EntryStore(opts.service, opts.storage, opts.allowedHosts, this.now)
    this.flow = new FlowStore(opts.service, this.session, this.entry)
    this.dev = opts.devPanel ?? (opts.devTools ? new DevStore(opts.devTools) : null)
  }

  /** The feature's store, made on the first call and the same one afterwards. */
  feature<T>(f: Feature<T>): T {
    if (!this.features.has(f.key)) this.features.set(f.key, f.create(this))
    return this.features.get(f.key) as T
  }

  /** Runs `hook` on sign-out (a feature store forgetting the person). */
  onSignOut(hook: () => void): void {
    this.signOutHooks.push(hook)
  }

  /** Signs out on this device and at the backend (best effort). */
  async signOut(): Promise<void> {
    const s = this.session.info
    this.session.clear()
    // Nothing of the person stays on a shared device: drawn and accepted signatures go too,
    // also when the signature store was never made in this run of the app.
    for (const key of SIGN_OUT_KEYS) this.storage.remove(key)
    this.signOutHooks.forEach((h) => h())
    if (s) {
      try {
        await this.service.signOut({ session: s.token })
      } catch {
        // The local session is gone either way; the backend's expires on its own.
      }
    }
  }
}
