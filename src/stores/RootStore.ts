import type { KeyValueStore } from '@/services/storage'
import type { InkSealService, SandboxDevTools } from '@/services/types'
import { DevStore } from './DevStore'
import { EnterpriseStore } from './EnterpriseStore'
import { EntryStore } from './EntryStore'
import { FlowStore } from './FlowStore'
import { MeetingStore } from './MeetingStore'
import { SessionStore } from './SessionStore'
import { SignatureStore } from './SignatureStore'
import { SigningStore } from './SigningStore'
import { VerifyStore } from './VerifyStore'

export interface RootStoreOptions {
  service: InkSealService
  /** Present only when the backend is the embedded sandbox. */
  devTools?: SandboxDevTools | null
  storage: KeyValueStore
  allowedHosts: () => string[]
  now?: () => number
}

/** One root for every store, given to views through React context (StoreContext.tsx). */
export class RootStore {
  readonly service: InkSealService
  readonly session: SessionStore
  readonly entry: EntryStore
  readonly verify: VerifyStore
  readonly flow: FlowStore
  readonly signature: SignatureStore
  readonly signing: SigningStore
  readonly enterprise: EnterpriseStore
  readonly meeting: MeetingStore
  readonly dev: DevStore | null

  constructor(opts: RootStoreOptions) {
    const now = opts.now ?? (() => Date.now())
    this.service = opts.service
    this.session = new SessionStore(opts.storage, now)
    this.entry = new EntryStore(opts.service, opts.storage, opts.allowedHosts, now)
    this.verify = new VerifyStore(opts.service, this.session, now)
    this.flow = new FlowStore(opts.service, this.session, this.entry)
    this.signature = new SignatureStore(opts.storage, now)
    this.signing = new SigningStore(opts.service, this.session, this.signature, opts.storage, now)
    this.enterprise = new EnterpriseStore(opts.service, this.session, opts.storage, now)
    this.meeting = new MeetingStore(opts.service)
    this.dev = opts.devTools ? new DevStore(opts.devTools) : null
  }

  /** Signs out on this device and at the backend (best effort). */
  async signOut(): Promise<void> {
    const s = this.session.info
    this.session.clear()
    // Nothing of the person stays on a shared device: drawn and accepted signatures go too.
    this.signature.reset()
    if (s) {
      try {
        await this.service.signOut({ session: s.token })
      } catch {
        // The local session is gone either way; the backend's expires on its own.
      }
    }
  }
}
