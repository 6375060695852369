import { makeAutoObservable } from 'mobx'
import { reopen, transition, type LoadedFacts, type SigningEvent, type SigningPhase } from '@/domain/contract'
import type { KeyValueStore } from '@/services/storage'
import type { ContractView, InkSealService } from '@/services/types'
import type { SessionStore } from '@/stores/SessionStore'
import type { LoadState } from './types'

/**
 * What every signing unit shares: the injected backend, session, storage and time source, the
 * contract shown and its load state, and the phase. The phase has no setter: it changes only
 * through the domain machine (`fire` applies a `transition`, `reopen` starts over from a loaded
 * contract).
 */
export class SigningCore {
  flowId: string | null = null
  load: LoadState = { kind: 'idle' }
  contract: ContractView | null = null
  private current: SigningPhase = 'READING'

  constructor(
    readonly service: InkSealService,
    readonly session: SessionStore,
    readonly storage: KeyValueStore,
    readonly now: () => number
  ) {
    makeAutoObservable<SigningCore, 'current'>(this, { service: false, session: false, storage: false, now: false, current: true }, { autoBind: true })
  }

  get phase(): SigningPhase {
    return this.current
  }

  /** Applies a machine event; false (phase kept) when the machine refuses it. */
  fire(event: SigningEvent): boolean {
    const r = transition(this.current, event)
    if (r.ok) this.current = r.phase
    return r.ok
  }

  /** A (re)loaded contract starts the machine over (`reopen`). */
  reopen(facts: LoadedFacts & { unconfirmedSubmission: boolean }): SigningPhase {
    this.current = reopen(facts).phase
    return this.current
  }

  /** The session token, or null when the person must verify again. */
  get token(): string | null {
    return this.session.active?.token ?? null
  }

  get mySignerId(): string | null {
    return this.contract?.mySignerId ?? null
  }
}
