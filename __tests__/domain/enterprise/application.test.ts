import {
  allowedMethods,
  APPLICATION_EVENTS,
  APPLICATION_STATUSES,
  canApply,
  isTerminal,
  nextStatus,
  type ApplicationEvent,
  type ApplicationStatus
} from '@/domain/enterprise/application'

/** Runs events from DRAFT; throws on the first refused one. */
function run(events: ApplicationEvent[], from: ApplicationStatus = 'DRAFT'): ApplicationStatus {
  let s = from
  for (const e of events) {
    const n = nextStatus(s, e)
    if (!n) throw new Error(`${e} refused in ${s}`)
    s = n
  }
  return s
}

describe('application state machine', () => {
  test('the letter path: rejected first, re-uploaded, approved', () => {
    expect(run(['RECOGNIZE_LICENSE', 'CONFIRM_LICENSE', 'SET_ADMIN', 'SUBMIT_LETTER'])).toBe('LETTER_REVIEW')
    expect(run(['LETTER_REJECTED'], 'LETTER_REVIEW')).toBe('LETTER_REJECTED')
    expect(run(['SUBMIT_LETTER', 'LETTER_APPROVED'], 'LETTER_REJECTED')).toBe('ACTIVATED')
  })

  test('the legal-representative path: confirmed, or refused and asked again', () => {
    const pending = run(['RECOGNIZE_LICENSE', 'CONFIRM_LICENSE', 'SET_ADMIN', 'REQUEST_LEGAL_REP'])
    expect(pending).toBe('LEGAL_REP_PENDING')
    expect(run(['REQUEST_LEGAL_REP'], pending)).toBe('LEGAL_REP_PENDING') // a new link
    expect(run(['LEGAL_REP_CONFIRMED'], pending)).toBe('ACTIVATED')
    expect(run(['LEGAL_REP_REFUSED', 'REQUEST_LEGAL_REP', 'LEGAL_REP_CONFIRMED'], pending)).toBe('ACTIVATED')
    expect(run(['LEGAL_REP_REFUSED', 'SUBMIT_LETTER'], pending)).toBe('LETTER_REVIEW')
  })

  test('the operator who is the legal representative confirms themselves', () => {
    expect(run(['SELF_CONFIRMED'], 'ADMIN_SET')).toBe('ACTIVATED')
  })

  test('a new licence photo goes back to DRAFT before authorization starts, not after', () => {
    for (const s of ['DRAFT', 'LICENSE_CONFIRMED', 'ADMIN_SET'] as const) expect(nextStatus(s, 'RECOGNIZE_LICENSE')).toBe('DRAFT')
    for (const s of ['LETTER_REVIEW', 'LEGAL_REP_PENDING', 'ACTIVATED'] as const) expect(canApply(s, 'RECOGNIZE_LICENSE')).toBe(false)
  })

  test.each<[ApplicationStatus, ApplicationEvent]>([
    ['DRAFT', 'SET_ADMIN'], // licence not confirmed yet
    ['DRAFT', 'SUBMIT_LETTER'],
    ['LICENSE_CONFIRMED', 'REQUEST_LEGAL_REP'], // no administrator yet
    ['LICENSE_CONFIRMED', 'SUBMIT_LETTER'],
    ['ADMIN_SET', 'LETTER_APPROVED'], // nothing under review
    ['ADMIN_SET', 'LEGAL_REP_CONFIRMED'], // nobody asked
    ['LETTER_REVIEW', 'SUBMIT_LETTER'], // one review at a time
    ['LETTER_REVIEW', 'REQUEST_LEGAL_REP'],
    ['LETTER_REVIEW', 'SET_ADMIN'],
    ['LETTER_REJECTED', 'LETTER_APPROVED'],
    ['LEGAL_REP_PENDING', 'LETTER_APPROVED'],
    ['REFUSED_BY_LEGAL_REP', 'LEGAL_REP_CONFIRMED'], // a refusal is final for that link
    ['ACTIVATED', 'CANCEL'],
    ['ACTIVATED', 'SUBMIT_LETTER'],
    ['CANCELLED', 'CONFIRM_LICENSE']
  ])('%s refuses %s', (from, event) => {
    expect(nextStatus(from, event)).toBeNull()
    expect(canApply(from, event)).toBe(false)
  })

  test('every state but the terminal ones can be cancelled; terminal states accept nothing', () => {
    for (const s of APPLICATION_STATUSES) {
      if (isTerminal(s)) {
        for (const e of APPLICATION_EVENTS) expect(nextStatus(s, e)).toBeNull()
      } else {
        expect(nextStatus(s, 'CANCEL')).toBe('CANCELLED')
      }
    }
  })

  test('government and party organisations may only use the letter', () => {
    expect(allowedMethods('GOVERNMENT', false)).toEqual(['LETTER'])
    expect(allowedMethods('GOVERNMENT', true)).toEqual(['LETTER'])
    expect(allowedMethods('ENTERPRISE', false)).toEqual(['LEGAL_REP', 'LETTER'])
    expect(allowedMethods('INDIVIDUAL_BUSINESS', true)).toEqual(['SELF', 'LETTER'])
    expect(allowedMethods('OTHER', false)).toEqual(['LETTER'])
    expect(allowedMethods('OTHER', true)).toEqual(['LETTER'])
  })

  test('a credit code outside the registry is letter only, even for the typed legal representative', () => {
    expect(allowedMethods('ENTERPRISE', true, false)).toEqual(['LETTER'])
    expect(allowedMethods('ENTERPRISE', false, false)).toEqual(['LETTER'])
    expect(allowedMethods('ENTERPRISE', true, true)).toEqual(['SELF', 'LETTER'])
  })

  test('腾讯云快速认证 activates from DRAFT only, before any licence step', () => {
    expect(nextStatus('DRAFT', 'CLOUD_CONFIRMED')).toBe('ACTIVATED')
    for (const s of ['LICENSE_CONFIRMED', 'ADMIN_SET', 'LETTER_REVIEW', 'LETTER_REJECTED', 'ACTIVATED'] as const)
      expect(canApply(s, 'CLOUD_CONFIRMED')).toBe(false)
  })
})
