/**
 * The signing units (src/stores/signing/) on their own, with a fake backend and clock: the phase
 * changes only through the domain machine, forced reading opens the gate through it, the intent
 * unit's SMS countdown is smsResend's, decline's bounds, and a submission without a usable intent
 * token goes back to intent through machine transitions.
 */
import { MemoryStorage } from '@/services/storage'
import type { ContractView, InkSealService, IntentChallenge, PageImage } from '@/services/types'
import type { SessionStore } from '@/stores/SessionStore'
import { SigningStore } from '@/stores/SigningStore'
import type { SignatureStore } from '@/stores/SignatureStore'
import { ContractPages } from '@/stores/signing/ContractPages'
import { DeclineStore } from '@/stores/signing/DeclineStore'
import { FieldDraft } from '@/stores/signing/FieldDraft'
import { IntentStore } from '@/stores/signing/IntentStore'
import { ReadingClock } from '@/stores/signing/ReadingClock'
import { SigningCore } from '@/stores/signing/SigningCore'
import { resendSeconds } from '@/stores/smsResend'

function contract(over: Partial<ContractView> = {}): ContractView {
  return {
    flowId: 'F1',
    title: 'T',
    contractNo: 'HT-1',
    status: 'SIGNING',
    pageCount: 2,
    pages: [],
    fields: [],
    options: {
      forcedReading: { minSeconds: 5, mustReachLastPage: true },
      allowSystemSignature: true,
      signatureApply: 'ALL_AT_ONCE',
      allowDecline: true,
      intentMethods: ['SMS'],
      ordered: false
    },
    signers: [],
    mySignerId: 'S1',
    myName: '张三',
    myStatus: 'PENDING',
    canSign: true,
    blockedReason: null,
    blockedMessage: null,
    reading: { startedAt: 0, lastPageSeen: false, remainingMs: 5000, satisfied: false },
    passwordSet: false,
    revision: 1,
    documentHash: 'h',
    ...over
  } as ContractView
}

function setup(service: Partial<InkSealService> = {}) {
  let t = 1_000_000
  const clock = { now: () => t, advance: (ms: number) => (t += ms) }
  const session = { active: { token: 'tok' }, clear: jest.fn() } as unknown as SessionStore
  const core = new SigningCore(service as InkSealService, session, new MemoryStorage(), clock.now)
  return { core, clock }
}

describe('signing units', () => {
  test('the phase has no setter: it changes through the machine only', () => {
    const { core } = setup()
    expect(core.phase).toBe('READING')
    expect(() => {
      ;(core as unknown as { phase: string }).phase = 'SIGNED'
    }).toThrow()
    expect(core.fire('FIELDS_DONE')).toBe(false) // refused by the machine, phase kept
    expect(core.phase).toBe('READING')
    expect(core.fire('READ_DONE')).toBe(true)
    expect(core.phase).toBe('FILLING')
    // A (re)loaded contract starts over, also from a final phase.
    core.fire('DECLINE')
    expect(core.phase).toBe('DECLINED')
    expect(core.reopen({ myStatus: 'PENDING', canSign: true, readingSatisfied: false, unconfirmedSubmission: true })).toBe('FAILED')
  })

  test('forced reading: the countdown and the last page open the gate (READ_DONE)', async () => {
    const last: PageImage = { index: 1 } as PageImage
    const { core, clock } = setup({
      getContractPages: async () => ({ flowId: 'F1', revision: 1, pageCount: 2, pages: [{ index: 0 } as PageImage, last] })
    })
    const pages = new ContractPages(core, { staleRevision: jest.fn(), fetched: () => reading.refreshClock() })
    const reading = new ReadingClock(core, pages)
    core.contract = contract()
    core.flowId = 'F1'
    reading.restart(core.contract)
    expect(reading.readingPrompt).toBe('请阅读合同 5 秒并滑动至最后一页')
    clock.advance(5000)
    reading.refreshClock()
    expect(reading.readingPrompt).toBe('请滑动阅读至合同最后一页')
    expect(core.phase).toBe('READING')
    pages.ensurePages(0, 1)
    await new Promise((r) => setTimeout(r, 0))
    expect(pages.lastPageFetched).toBe(true)
    expect(reading.readingSatisfied).toBe(true)
    expect(core.phase).toBe('FILLING')
  })

  test('the SMS resend countdown is smsResend.resendSeconds on the reading clock', async () => {
    const ch: IntentChallenge = {
      challengeId: 'C1',
      method: 'SMS',
      expiresAt: 0,
      sms: { sentTo: '138****8000', expiresAt: 1_300_000, resendAt: 1_060_000 },
      faceAction: null,
      passwordSet: null,
      remainingTries: 5
    }
    const { core, clock } = setup({ startIntent: async () => ch })
    const reading = new ReadingClock(core, new ContractPages(core, { staleRevision: jest.fn(), fetched: jest.fn() }))
    const intent = new IntentStore(core, reading, async () => true)
    core.contract = contract()
    intent.chooseMethod('SMS')
    expect(await intent.startIntent()).toBe(true)
    expect(intent.smsResendIn).toBe(60)
    clock.advance(20_500)
    reading.tick()
    expect(intent.smsResendIn).toBe(resendSeconds(ch.sms, reading.clock))
    expect(intent.smsResendIn).toBe(40)
    expect(await intent.startIntent()).toBe(false) // not before the countdown ends
  })

  test('decline: the reason is 5 to 200 characters, only while reading or filling', () => {
    const { core } = setup()
    const reading = new ReadingClock(core, new ContractPages(core, { staleRevision: jest.fn(), fetched: jest.fn() }))
    const decline = new DeclineStore(core, new FieldDraft(core, reading, () => null), async () => undefined)
    core.contract = contract()
    expect(decline.canDecline).toBe(true)
    decline.setDeclineReason('太短')
    expect(decline.declineProblem).toBe('拒签原因至少5个字')
    decline.setDeclineReason('条款与约定不符')
    expect(decline.declineProblem).toBeNull()
    decline.setDeclineReason('字'.repeat(201))
    expect(decline.declineProblem).toBe('拒签原因最多200个字')
    core.fire('CLOSE')
    expect(decline.canDecline).toBe(false)
  })

  test('SigningStore: an intent grant that expired before sending goes back to intent through SUBMIT_FAILED and REAUTH', async () => {
    let t = 1_000_000
    const submitSigning = jest.fn()
    const service = {
      getContract: async () => contract({ reading: { startedAt: 0, lastPageSeen: true, remainingMs: 0, satisfied: true } }),
      confirmIntent: async () => ({ intentToken: 'it', method: 'SMS' as const, expiresAt: t - 1 }),
      startIntent: async () => ({ challengeId: 'C1', method: 'SMS' as const, expiresAt: 0, sms: null, faceAction: null, passwordSet: null }),
      submitSigning
    }
    const session = { active: { token: 'tok' }, clear: jest.fn() } as unknown as SessionStore
    const store = new SigningStore(service as unknown as InkSealService, session, {} as SignatureStore, new MemoryStorage(), () => t)
    expect((await store.open('F1')).kind).toBe('ready')
    expect(store.phase).toBe('FILLING')
    expect(store.proceedToIntent()).toBe(true)
    expect(store.phase).toBe('CONFIRMING_INTENT')
    store.chooseMethod('SMS')
    await store.startIntent()
    store.setIntentInput('intentCode', '123456')
    t += 1
    expect(await store.confirmIntent()).toBe(false)
    expect(submitSigning).not.toHaveBeenCalled()
    expect(store.phase).toBe('CONFIRMING_INTENT')
    expect(store.intentError).toBe('意愿认证已失效，请重新认证')
    store.dispose()
  })
})
