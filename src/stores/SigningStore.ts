import { makeAutoObservable, runInAction } from 'mobx'
import { isWaiting } from '@/domain/contract/machine'
import { toServiceError, type ServiceError } from '@/services/errors'
import type { KeyValueStore } from '@/services/storage'
import type { ContractView, InkSealService } from '@/services/types'
import { forward, type Forwarded } from './forward'
import { MyContractsStore } from './MyContractsStore'
import type { SessionStore } from './SessionStore'
import type { SignatureStore } from './SignatureStore'
import { AuditTrailStore } from './signing/AuditTrailStore'
import { DocumentStore } from './signing/DocumentStore'
import { ContractPages } from './signing/ContractPages'
import { DeclineStore } from './signing/DeclineStore'
import { FieldDraft } from './signing/FieldDraft'
import { IntentStore } from './signing/IntentStore'
import { ReadingClock } from './signing/ReadingClock'
import { ResultPolling } from './signing/ResultPolling'
import { SealChoice } from './signing/SealChoice'
import { SignatureInput } from './signing/SignatureInput'
import { SigningCore } from './signing/SigningCore'
import { Submission } from './signing/Submission'
import { isSessionError, type LoadState, type SignaturePort } from './signing/types'

export {
  DECLINE_MAX,
  DECLINE_MIN,
  DRAFT_PREFIX,
  DRAFT_THROTTLE_MS,
  PAGE_CACHE_MAX,
  PAGE_CHUNK,
  POLL_MS,
  type AcceptedSignature,
  type DraftFile,
  type DraftValue,
  type LoadState,
  type PendingSubmit,
  type ScrollTarget,
  type SignaturePort,
  type SubmitFailure
} from './signing/types'

/**
 * Reading and signing one contract, composed of small units (src/stores/signing/): the shared
 * core (contract, load state, the phase, which only the domain machine changes), the pages,
 * the reading clock, the field draft, signatures, seals, intent, submission, decline, the
 * polled result and the audit trail. This class loads the contract and hands it to the units;
 * the rest is the units' API, forwarded so pages use one store.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface below types the forwarded API
export class SigningStore {
  readonly core: SigningCore
  readonly pageImages: ContractPages
  readonly reading: ReadingClock
  readonly draft: FieldDraft
  readonly sealChoice: SealChoice
  readonly signatures: SignatureInput
  readonly intent: IntentStore
  readonly resultPolling: ResultPolling
  readonly submission: Submission
  readonly declineFlow: DeclineStore
  readonly auditTrail: AuditTrailStore
  /** 下载合同文件 (the PDF of record) */
  readonly document: DocumentStore
  readonly mine: MyContractsStore
  private seq = 0

  constructor(service: InkSealService, session: SessionStore, signature: SignatureStore, storage: KeyValueStore, now: () => number) {
    const core = (this.core = new SigningCore(service, session, storage, now))
    const reload = () => this.refreshContract()
    this.pageImages = new ContractPages(core, { staleRevision: () => void reload(), fetched: () => this.reading.refreshClock() })
    this.reading = new ReadingClock(core, this.pageImages)
    this.draft = new FieldDraft(core, this.reading, (id) => this.sealChoice.sealTypeOf(id))
    this.sealChoice = new SealChoice(core, this.draft)
    this.signatures = new SignatureInput(core, this.draft, signature as unknown as SignaturePort)
    this.intent = new IntentStore(core, this.reading, () => this.submission.granted())
    this.resultPolling = new ResultPolling(core, reload)
    this.submission = new Submission(core, this.draft, this.intent, this.reading, this.resultPolling, reload)
    this.declineFlow = new DeclineStore(core, this.draft, reload)
    this.auditTrail = new AuditTrailStore(core)
    this.document = new DocumentStore(core)
    this.mine = new MyContractsStore(service, session)
    makeAutoObservable<SigningStore, 'seq'>(
      this,
      {
        core: false,
        pageImages: false,
        reading: false,
        draft: false,
        sealChoice: false,
        signatures: false,
        intent: false,
        resultPolling: false,
        submission: false,
        declineFlow: false,
        auditTrail: false,
        document: false,
        mine: false,
        seq: false
      },
      { autoBind: true }
    )
  }

  // ------------------------------------------------------------------ loading

  /** Opens a contract for the verified person. Never throws; the outcome is in `load`. */
  async open(flowId: string): Promise<LoadState> {
    const core = this.core
    if (!flowId) {
      core.load = { kind: 'error', message: '缺少合同编号，请从合同概览进入', retryable: false }
      return core.load
    }
    const token = core.token
    if (!token) {
      core.load = { kind: 'needsVerification', message: '请先完成实名认证' }
      return core.load
    }
    const seq = ++this.seq
    if (core.flowId !== flowId) this.resetFor(flowId)
    else this.draft.flushDraft()
    // Re-opening the flow being signed (e.g. the reader mounts again) keeps the attempt in progress.
    const inProgress = core.contract?.flowId === flowId && (core.phase === 'CONFIRMING_INTENT' || core.phase === 'SUBMITTING' || core.phase === 'FAILED')
    if (!inProgress) core.load = { kind: 'loading' }
    try {
      const contract = await core.service.getContract({ session: token, flowId })
      if (seq !== this.seq) return core.load
      runInAction(() => this.adopt(contract, !(inProgress && contract.myStatus === 'PENDING' && contract.canSign)))
      if (this.draft.myFields.some((f) => f.type === 'SIGN_SEAL' || f.type === 'SIGN_PAGING_SEAL')) void this.sealChoice.loadSeals()
    } catch (e) {
      if (seq !== this.seq) return core.load
      this.failLoad(toServiceError(e))
    }
    return core.load
  }

  private failLoad(err: ServiceError): void {
    runInAction(() => {
      if (isSessionError(err)) {
        this.core.session.clear()
        this.core.load = { kind: 'needsVerification', message: err.message }
      } else {
        this.core.load = { kind: 'error', message: err.message, retryable: err.transient }
      }
    })
  }

  private resetFor(flowId: string): void {
    this.draft.reset() // writes the previous flow's draft first
    this.reading.stopTicker()
    this.resultPolling.reset()
    this.core.flowId = flowId
    this.core.contract = null
    this.pageImages.reset()
    this.sealChoice.reset()
    this.signatures.reset()
    this.intent.resetIntent()
    this.submission.reset()
    this.declineFlow.reset()
    this.auditTrail.reset()
    this.document.reset()
  }

  /** Takes a (re)loaded contract: phase (the machine's `reopen`), draft, reading clock. */
  private adopt(contract: ContractView, fresh: boolean): void {
    const core = this.core
    const prev = core.contract
    core.contract = contract
    this.intent.passwordSet = contract.passwordSet
    if (!prev || prev.revision !== contract.revision) this.pageImages.clearImages()
    this.reading.restart(contract)
    if (contract.reading.lastPageSeen) this.pageImages.lastPageFetched = true
    if (fresh) {
      this.draft.restoreDraft()
      const phase = core.reopen({
        myStatus: contract.myStatus,
        canSign: contract.canSign,
        blockedReason: contract.blockedReason,
        readingSatisfied: this.reading.readingSatisfied,
        unconfirmedSubmission: !!this.draft.pending
      })
      if (phase === 'SIGNED' || phase === 'DECLINED' || phase === 'READ_ONLY') {
        // Whatever was pending has an outcome now: nothing left to keep.
        if (contract.myStatus === 'SIGNED' || contract.myStatus === 'DECLINED' || !contract.canSign) this.draft.discardDraft()
      } else if (phase === 'FAILED') {
        this.submission.unconfirmed()
      }
      if (phase === 'READING' && contract.canSign) this.reading.startTicker()
    }
    core.load = { kind: 'ready' }
  }

  retryLoad(): Promise<LoadState> {
    return this.open(this.core.flowId ?? '')
  }

  /** Reloads the contract (after others signed): new revision → new page images. */
  async refreshContract(): Promise<void> {
    const core = this.core
    const token = core.token
    if (!token || !core.flowId) return
    try {
      const contract = await core.service.getContract({ session: token, flowId: core.flowId })
      runInAction(() => {
        if (contract.flowId !== core.flowId) return
        const wasOpen = core.phase
        this.adopt(contract, false)
        // A flow that closed meanwhile cannot be signed any more.
        if (!contract.canSign && (wasOpen === 'READING' || wasOpen === 'FILLING')) {
          if (contract.myStatus === 'SIGNED') core.fire('SIGNED_ELSEWHERE')
          else if (contract.myStatus === 'DECLINED') core.fire('DECLINE')
          else if (!isWaiting(contract.blockedReason)) core.fire('CLOSE')
        } else if (contract.canSign && wasOpen === 'READING' && this.reading.readingSatisfied) {
          core.fire('READ_DONE')
        }
      })
    } catch {
      // The page keeps what it has; polling tries again.
    }
  }

  /** Leaving the reader: write the draft, stop the clocks. */
  leave(): void {
    this.draft.flushDraft()
    this.reading.stopTicker()
    this.resultPolling.stopPolling()
  }

  /** Stops every timer (tests, sign-out). */
  dispose(): void {
    this.leave()
  }
}

// ------------------------------------------------------------------ the units' API, forwarded
// State reads and the units' (bound) actions, so pages and tests keep using one store (forward.ts).

const CORE_API = ['flowId', 'load', 'contract', 'phase', 'mySignerId'] as const
const PAGE_IMAGES_API = ['pages', 'pageError', 'lastPageFetched', 'pageCount', 'ensurePages', 'retryPages'] as const
const READING_API = ['clock', 'forced', 'readingSecondsLeft', 'needsLastPage', 'readingSatisfied', 'readingPrompt', 'refreshClock'] as const
const DRAFT_API = [
  'values',
  'pending',
  'touched',
  'showAllErrors',
  'focusedFieldId',
  'scrollTarget',
  'notice',
  'fields',
  'myFields',
  'fieldsByPage',
  'pagingSealFields',
  'editable',
  'remainingFields',
  'remainingCount',
  'problems',
  'isMine',
  'signerLabel',
  'problemOf',
  'fieldError',
  'dateText',
  'focusNext',
  'focusField',
  'scrollToPage',
  'touch',
  'setText',
  'toggleCheck',
  'dismissNotice',
  'buildValues',
  'flushDraft'
] as const
const SEAL_CHOICE_API = [
  'seals',
  'sealsError',
  'sealPickerFor',
  'loadSeals',
  'sealsFor',
  'sealOf',
  'noSealMessage',
  'openSealPicker',
  'closeSealPicker',
  'chooseSeal'
] as const
const SIGNATURES_API = [
  'signatureTarget',
  'awaitingSignature',
  'signatureFields',
  'systemSignatureName',
  'requestSignature',
  'consumeAcceptedSignature',
  'applySignature',
  'useSystemSignature',
  'clearSignature'
] as const
const INTENT_API = [
  'intentMethods',
  'intentMethod',
  'challenge',
  'intentCode',
  'intentPassword',
  'newPassword',
  'newPassword2',
  'intentError',
  'intentBusy',
  'passwordSet',
  'grant',
  'smsResendIn',
  'intentUsable',
  'chooseMethod',
  'setIntentInput',
  'startIntent',
  'setPassword',
  'confirmIntent'
] as const
const SUBMISSION_API = ['submitting', 'submitError', 'result', 'proceedToIntent', 'backFromIntent', 'retrySubmit'] as const
const DECLINE_FLOW_API = [
  'declineOpen',
  'declineReason',
  'declineTouched',
  'declineError',
  'declining',
  'canDecline',
  'declineProblem',
  'openDecline',
  'setDeclineReason',
  'decline'
] as const
const RESULT_POLLING_API = ['status', 'statusError', 'signers', 'flowStatus', 'closedMessage', 'pollStatus', 'startPolling', 'stopPolling'] as const
const AUDIT_TRAIL_API = ['audit', 'auditError', 'auditLoading', 'verification', 'verifyBusy', 'verifyError', 'loadAudit', 'verifyDocument'] as const

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the forwarded API's types
export interface SigningStore
  extends
    Forwarded<SigningCore, (typeof CORE_API)[number]>,
    Forwarded<ContractPages, (typeof PAGE_IMAGES_API)[number]>,
    Forwarded<ReadingClock, (typeof READING_API)[number]>,
    Forwarded<FieldDraft, (typeof DRAFT_API)[number]>,
    Forwarded<SealChoice, (typeof SEAL_CHOICE_API)[number]>,
    Forwarded<SignatureInput, (typeof SIGNATURES_API)[number]>,
    Forwarded<IntentStore, (typeof INTENT_API)[number]>,
    Forwarded<Submission, (typeof SUBMISSION_API)[number]>,
    Forwarded<DeclineStore, (typeof DECLINE_FLOW_API)[number]>,
    Forwarded<ResultPolling, (typeof RESULT_POLLING_API)[number]>,
    Forwarded<AuditTrailStore, (typeof AUDIT_TRAIL_API)[number]> {}

forward(SigningStore, 'core', CORE_API)
forward(SigningStore, 'pageImages', PAGE_IMAGES_API)
forward(SigningStore, 'reading', READING_API)
forward(SigningStore, 'draft', DRAFT_API)
forward(SigningStore, 'sealChoice', SEAL_CHOICE_API)
forward(SigningStore, 'signatures', SIGNATURES_API)
forward(SigningStore, 'intent', INTENT_API)
forward(SigningStore, 'submission', SUBMISSION_API)
forward(SigningStore, 'declineFlow', DECLINE_FLOW_API)
forward(SigningStore, 'resultPolling', RESULT_POLLING_API)
forward(SigningStore, 'auditTrail', AUDIT_TRAIL_API)
