/**
 * The signer's path through one contract, as a finite state machine the UI (SigningStore)
 * can follow and tests can check:
 *
 *   READING ──READ_DONE──▶ FILLING ──FIELDS_DONE──▶ CONFIRMING_INTENT ──INTENT_CONFIRMED──▶ SUBMITTING
 *      │                    ▲   │                        │                                  │   │
 *      │                    │   └─────BACK───────────────┘ (BACK)                     SUBMIT_OK SUBMIT_FAILED
 *      │                    │                                                                ▼   ▼
 *      └──DECLINE──▶ DECLINED ◀──DECLINE── FILLING                                      SIGNED  FAILED
 *
 *   FAILED ──RETRY──▶ SUBMITTING (same idempotency key), FAILED ──FIX──▶ FILLING (a value was
 *   refused), FAILED ──REAUTH──▶ CONFIRMING_INTENT (intent token expired/used).
 *   READING / FILLING ──CLOSE──▶ READ_ONLY (the flow expired, was cancelled or declined meanwhile).
 *   READING / FILLING ──SIGNED_ELSEWHERE──▶ SIGNED (a reload shows the signature already stands).
 *   FILLING ──REREAD──▶ READING (the backend says reading is not complete after all).
 *
 * `reopen` is the one transition that does not depend on the phase: a contract (re)loaded from
 * the backend starts the machine over (also after a final phase of the contract shown before).
 *
 * SIGNED, DECLINED and READ_ONLY are final. Anything else is refused with a reason.
 */

export type SigningPhase = 'READING' | 'FILLING' | 'CONFIRMING_INTENT' | 'SUBMITTING' | 'SIGNED' | 'DECLINED' | 'FAILED' | 'READ_ONLY'

export type SigningEvent =
  | 'READ_DONE'
  | 'FIELDS_DONE'
  | 'BACK'
  | 'INTENT_CONFIRMED'
  | 'SUBMIT_OK'
  | 'SUBMIT_FAILED'
  | 'RETRY'
  | 'FIX'
  | 'REAUTH'
  | 'DECLINE'
  | 'CLOSE'
  | 'SIGNED_ELSEWHERE'
  | 'REREAD'

export const SIGNING_TRANSITIONS: Readonly<Record<SigningPhase, Partial<Record<SigningEvent, SigningPhase>>>> = {
  READING: { READ_DONE: 'FILLING', DECLINE: 'DECLINED', CLOSE: 'READ_ONLY', SIGNED_ELSEWHERE: 'SIGNED' },
  FILLING: { FIELDS_DONE: 'CONFIRMING_INTENT', DECLINE: 'DECLINED', CLOSE: 'READ_ONLY', SIGNED_ELSEWHERE: 'SIGNED', REREAD: 'READING' },
  CONFIRMING_INTENT: { INTENT_CONFIRMED: 'SUBMITTING', BACK: 'FILLING', CLOSE: 'READ_ONLY' },
  SUBMITTING: { SUBMIT_OK: 'SIGNED', SUBMIT_FAILED: 'FAILED' },
  FAILED: { RETRY: 'SUBMITTING', FIX: 'FILLING', REAUTH: 'CONFIRMING_INTENT', CLOSE: 'READ_ONLY' },
  SIGNED: {},
  DECLINED: {},
  READ_ONLY: {}
}

export const FINAL_PHASES: ReadonlySet<SigningPhase> = new Set<SigningPhase>(['SIGNED', 'DECLINED', 'READ_ONLY'])

export type TransitionResult = { ok: true; phase: SigningPhase } | { ok: false; phase: SigningPhase; reason: string }

/** The phase after `event`, or a refusal that keeps the phase. */
export function transition(phase: SigningPhase, event: SigningEvent): TransitionResult {
  const next = SIGNING_TRANSITIONS[phase]?.[event]
  if (next) return { ok: true, phase: next }
  return {
    ok: false,
    phase,
    reason: FINAL_PHASES.has(phase) ? `${phase} is final` : `${event} is not allowed in ${phase}`
  }
}

export function canTransition(phase: SigningPhase, event: SigningEvent): boolean {
  return SIGNING_TRANSITIONS[phase]?.[event] !== undefined
}

/** Events allowed in a phase. */
export function allowedEvents(phase: SigningPhase): SigningEvent[] {
  return Object.keys(SIGNING_TRANSITIONS[phase]) as SigningEvent[]
}

/**
 * The phase to start in for a contract as loaded: READ_ONLY when the signer cannot act,
 * SIGNED / DECLINED when they already did, READING while waiting for earlier signers,
 * FILLING when reading is already satisfied.
 */
export interface LoadedFacts {
  myStatus: 'PENDING' | 'SIGNED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED'
  canSign: boolean
  /** ContractView.blockedReason: NOT_YOUR_TURN and MEETING_NOT_STARTED still let the signer read (and wait) */
  blockedReason?: string | null
  readingSatisfied: boolean
}

/** Blocked only for now: the signer reads and waits (their turn, the meeting's start). */
export function isWaiting(blockedReason: string | null | undefined): boolean {
  return blockedReason === 'NOT_YOUR_TURN' || blockedReason === 'MEETING_NOT_STARTED'
}

export function initialPhase(input: LoadedFacts): SigningPhase {
  if (input.myStatus === 'SIGNED') return 'SIGNED'
  if (input.myStatus === 'DECLINED') return 'DECLINED'
  if (isWaiting(input.blockedReason)) return 'READING'
  if (!input.canSign) return 'READ_ONLY'
  return input.readingSatisfied ? 'FILLING' : 'READING'
}

/**
 * A contract (re)loaded: the machine starts over from what the backend says, whatever the
 * phase was. A submission sent earlier whose outcome is still unknown (`unconfirmedSubmission`,
 * kept on the device) resumes in FAILED, to be retried with the same key, while it can still sign.
 */
export function reopen(facts: LoadedFacts & { unconfirmedSubmission: boolean }): TransitionResult {
  const base = initialPhase(facts)
  if (!FINAL_PHASES.has(base) && facts.unconfirmedSubmission && facts.canSign) return { ok: true, phase: 'FAILED' }
  return { ok: true, phase: base }
}
