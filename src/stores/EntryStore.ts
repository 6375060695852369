import { makeAutoObservable, runInAction } from 'mobx'
import { parseEntry, type EntryPayload } from '@/domain/entryLink'
import { toServiceError } from '@/services/errors'
import type { KeyValueStore } from '@/services/storage'
import type { EntryResolution, FlowStatus, InkSealService } from '@/services/types'
import { CLOSED_FLOW_MESSAGE } from './labels'

export type EntryState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  /** Not a usable code: parse error or backend refusal. `retryable` for network faults. */
  | { kind: 'refused'; code: string; message: string; retryable: boolean }
  /** A real flow that can no longer be signed: shown read-only with its status. */
  | { kind: 'closed'; resolution: EntryResolution; message: string }
  | { kind: 'ready'; resolution: EntryResolution }
  /** A legal-representative authorization link (type 'L'): opened by the enterprise pages */
  | { kind: 'authorize'; payload: string }

export interface PendingEntry {
  flowId: string
  linkToken: string
  title: string
}

const PENDING_KEY = 'inkseal.pendingEntry'

/**
 * The way in: anything scanned, pasted or launched with goes through parseEntry (offline
 * checks) and then resolveEntry (the backend's word on the link and the flow).
 */
export class EntryStore {
  state: EntryState = { kind: 'idle' }
  private savedPending: PendingEntry | null = null
  /** Whether storage has been read (not observable) */
  private pendingRead = false
  private lastInput: string | null = null
  private seq = 0

  constructor(
    private readonly service: InkSealService,
    private readonly storage: KeyValueStore,
    private readonly allowedHosts: () => string[],
    private readonly now: () => number
  ) {
    makeAutoObservable<EntryStore, 'service' | 'storage' | 'allowedHosts' | 'now' | 'seq' | 'lastInput' | 'pendingRead'>(this, {
      service: false,
      storage: false,
      allowedHosts: false,
      now: false,
      seq: false,
      lastInput: false,
      pendingRead: false
    })
  }

  /**
   * The flow the person is on their way to sign; kept across verification and restarts.
   * Read from storage on first use, not at start (as SessionStore.info).
   */
  get pending(): PendingEntry | null {
    if (!this.pendingRead) this.hydratePending()
    return this.savedPending
  }

  private hydratePending(): void {
    this.pendingRead = true
    this.savedPending = this.loadPending()
  }

  private loadPending(): PendingEntry | null {
    try {
      const p = JSON.parse(this.storage.get(PENDING_KEY) || 'null') as PendingEntry | null
      return p && typeof p.flowId === 'string' && typeof p.linkToken === 'string' ? p : null
    } catch {
      return null
    }
  }

  /** Parses and resolves an input. Never throws; the outcome is in `state`. */
  async open(input: unknown): Promise<EntryState> {
    const seq = ++this.seq
    this.lastInput = typeof input === 'string' ? input : null
    const parsed = parseEntry(input, { allowedHosts: this.allowedHosts(), now: this.now() })
    if (!parsed.ok) {
      this.state = { kind: 'refused', code: parsed.error.code, message: parsed.error.message, retryable: false }
      return this.state
    }
    if (parsed.payload.type === 'L') {
      // Checked by the backend on the authorization page (packages/enterprise/pages/authorize).
      this.state = { kind: 'authorize', payload: parsed.payload.raw }
      return this.state
    }
    this.state = { kind: 'checking' }
    return this.resolve(parsed.payload, seq)
  }

  private async resolve(payload: EntryPayload, seq: number): Promise<EntryState> {
    try {
      const resolution = await this.service.resolveEntry({ flowId: payload.id, linkToken: payload.token })
      if (seq !== this.seq) return this.state
      runInAction(() => {
        const status = resolution.flow.status
        if (status !== 'SIGNING') {
          this.state = { kind: 'closed', resolution, message: CLOSED_FLOW_MESSAGE[status as Exclude<FlowStatus, 'SIGNING'>] }
          // a completed contract's code still opens it, for its signers to read and keep
          if (status === 'COMPLETED') this.setPending({ flowId: payload.id, linkToken: payload.token, title: resolution.flow.title })
        } else {
          this.state = { kind: 'ready', resolution }
          this.setPending({ flowId: payload.id, linkToken: payload.token, title: resolution.flow.title })
        }
      })
    } catch (e) {
      if (seq !== this.seq) return this.state
      const err = toServiceError(e)
      runInAction(() => {
        this.state = { kind: 'refused', code: err.code, message: err.message, retryable: err.transient }
      })
    }
    return this.state
  }

  /** Tries the last input again (after a network failure). */
  retry(): Promise<EntryState> {
    return this.open(this.lastInput ?? '')
  }

  setPending(p: PendingEntry | null): void {
    this.pendingRead = true
    this.savedPending = p
    if (p) this.storage.set(PENDING_KEY, JSON.stringify(p))
    else this.storage.remove(PENDING_KEY)
  }

  reset(): void {
    this.seq++
    this.state = { kind: 'idle' }
  }
}
