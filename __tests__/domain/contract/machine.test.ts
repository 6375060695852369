import {
  allowedEvents,
  canTransition,
  FINAL_PHASES,
  initialPhase,
  reopen,
  SIGNING_TRANSITIONS,
  transition,
  type SigningEvent,
  type SigningPhase
} from '@/domain/contract/machine'

const ALL_EVENTS: SigningEvent[] = [
  'READ_DONE',
  'FIELDS_DONE',
  'BACK',
  'INTENT_CONFIRMED',
  'SUBMIT_OK',
  'SUBMIT_FAILED',
  'RETRY',
  'FIX',
  'REAUTH',
  'DECLINE',
  'CLOSE'
]

function run(events: SigningEvent[], from: SigningPhase = 'READING'): SigningPhase {
  let p = from
  for (const e of events) {
    const r = transition(p, e)
    if (!r.ok) throw new Error(r.reason)
    p = r.phase
  }
  return p
}

describe('signing state machine', () => {
  test('the happy path', () => {
    expect(run(['READ_DONE', 'FIELDS_DONE', 'INTENT_CONFIRMED', 'SUBMIT_OK'])).toBe('SIGNED')
  })

  test('failure paths: retry with the same key, fix a value, confirm intent again, go back', () => {
    expect(run(['READ_DONE', 'FIELDS_DONE', 'INTENT_CONFIRMED', 'SUBMIT_FAILED', 'RETRY', 'SUBMIT_OK'])).toBe('SIGNED')
    expect(run(['READ_DONE', 'FIELDS_DONE', 'INTENT_CONFIRMED', 'SUBMIT_FAILED', 'FIX'])).toBe('FILLING')
    expect(run(['READ_DONE', 'FIELDS_DONE', 'INTENT_CONFIRMED', 'SUBMIT_FAILED', 'REAUTH'])).toBe('CONFIRMING_INTENT')
    expect(run(['READ_DONE', 'FIELDS_DONE', 'BACK', 'FIELDS_DONE'])).toBe('CONFIRMING_INTENT')
    expect(run(['READ_DONE', 'FIELDS_DONE', 'INTENT_CONFIRMED', 'SUBMIT_FAILED', 'CLOSE'])).toBe('READ_ONLY')
  })

  test('decline from reading or filling only', () => {
    expect(run(['DECLINE'])).toBe('DECLINED')
    expect(run(['READ_DONE', 'DECLINE'])).toBe('DECLINED')
    expect(canTransition('CONFIRMING_INTENT', 'DECLINE')).toBe(false)
    expect(canTransition('SUBMITTING', 'DECLINE')).toBe(false)
  })

  test('refused transitions keep the phase and say why', () => {
    expect(transition('READING', 'FIELDS_DONE')).toEqual({ ok: false, phase: 'READING', reason: 'FIELDS_DONE is not allowed in READING' })
    expect(transition('READING', 'INTENT_CONFIRMED').ok).toBe(false) // no skipping the fields
    expect(transition('FILLING', 'SUBMIT_OK').ok).toBe(false)
    expect(transition('SUBMITTING', 'BACK').ok).toBe(false) // a request in flight cannot be abandoned
    expect(transition('SUBMITTING', 'CLOSE').ok).toBe(false)
    expect(transition('SIGNED', 'RETRY')).toEqual({ ok: false, phase: 'SIGNED', reason: 'SIGNED is final' })
  })

  test('final phases accept nothing; every table entry is a known phase', () => {
    for (const p of FINAL_PHASES) {
      expect(allowedEvents(p)).toEqual([])
      for (const e of ALL_EVENTS) expect(canTransition(p, e)).toBe(false)
    }
    const phases = Object.keys(SIGNING_TRANSITIONS)
    for (const p of phases) for (const next of Object.values(SIGNING_TRANSITIONS[p as SigningPhase])) expect(phases).toContain(next)
    expect(allowedEvents('FAILED').sort()).toEqual(['CLOSE', 'FIX', 'REAUTH', 'RETRY'])
  })

  test('the initial phase from a loaded contract', () => {
    expect(initialPhase({ myStatus: 'PENDING', canSign: true, readingSatisfied: false })).toBe('READING')
    expect(initialPhase({ myStatus: 'PENDING', canSign: true, readingSatisfied: true })).toBe('FILLING')
    expect(initialPhase({ myStatus: 'PENDING', canSign: false, blockedReason: 'NOT_YOUR_TURN', readingSatisfied: true })).toBe('READING')
    expect(initialPhase({ myStatus: 'PENDING', canSign: false, blockedReason: 'MEETING_NOT_STARTED', readingSatisfied: true })).toBe('READING')
    expect(initialPhase({ myStatus: 'EXPIRED', canSign: false, blockedReason: 'FLOW_EXPIRED', readingSatisfied: false })).toBe('READ_ONLY')
    expect(initialPhase({ myStatus: 'SIGNED', canSign: false, readingSatisfied: true })).toBe('SIGNED')
    expect(initialPhase({ myStatus: 'DECLINED', canSign: false, readingSatisfied: true })).toBe('DECLINED')
  })

  test('signed elsewhere and reading again: only from reading or filling', () => {
    expect(run(['SIGNED_ELSEWHERE'])).toBe('SIGNED')
    expect(run(['READ_DONE', 'SIGNED_ELSEWHERE'])).toBe('SIGNED')
    expect(canTransition('CONFIRMING_INTENT', 'SIGNED_ELSEWHERE')).toBe(false)
    expect(canTransition('SUBMITTING', 'SIGNED_ELSEWHERE')).toBe(false)
    expect(run(['READ_DONE', 'FIELDS_DONE', 'INTENT_CONFIRMED', 'SUBMIT_FAILED', 'FIX', 'REREAD'])).toBe('READING')
    expect(transition('READING', 'REREAD').ok).toBe(false)
    expect(transition('FAILED', 'REREAD').ok).toBe(false)
    for (const p of FINAL_PHASES) for (const e of ['SIGNED_ELSEWHERE', 'REREAD'] as SigningEvent[]) expect(canTransition(p, e)).toBe(false)
  })

  test('reopen: a loaded contract starts the machine over, from any phase', () => {
    const pending = { myStatus: 'PENDING' as const, canSign: true, readingSatisfied: false, unconfirmedSubmission: false }
    expect(reopen(pending)).toEqual({ ok: true, phase: 'READING' })
    expect(reopen({ ...pending, readingSatisfied: true })).toEqual({ ok: true, phase: 'FILLING' })
    // A submission whose answer was lost resumes in FAILED (retried with the same key) …
    expect(reopen({ ...pending, unconfirmedSubmission: true })).toEqual({ ok: true, phase: 'FAILED' })
    // … unless the contract cannot be signed any more or has an outcome.
    expect(reopen({ ...pending, canSign: false, blockedReason: 'FLOW_EXPIRED', unconfirmedSubmission: true })).toEqual({ ok: true, phase: 'READ_ONLY' })
    expect(reopen({ ...pending, canSign: false, blockedReason: 'NOT_YOUR_TURN', unconfirmedSubmission: true })).toEqual({ ok: true, phase: 'READING' })
    expect(reopen({ myStatus: 'SIGNED', canSign: false, readingSatisfied: true, unconfirmedSubmission: true })).toEqual({ ok: true, phase: 'SIGNED' })
    expect(reopen({ myStatus: 'DECLINED', canSign: false, readingSatisfied: true, unconfirmedSubmission: false })).toEqual({ ok: true, phase: 'DECLINED' })
  })
})
