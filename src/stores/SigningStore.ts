import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError, type ServiceError } from '@/services/errors'
import type { KeyValueStore } from '@/services/storage'
import type { ContractView, InkSealService } from '@/services/types'
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
          else if (contract.blockedReason !== 'NOT_YOUR_TURN') core.fire('CLOSE')
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

  // ------------------------------------------------------------------ the units' API, forwarded
  // State reads and the units' (bound) actions, so pages and tests keep using one store.

  // core
  get flowId() { return this.core.flowId }
  get load() { return this.core.load }
  get contract() { return this.core.contract }
  get phase() { return this.core.phase }
  get mySignerId() { return this.core.mySignerId }

  // pages (pageImages)
  get pages() { return this.pageImages.pages }
  get pageError() { return this.pageImages.pageError }
  get lastPageFetched() { return this.pageImages.lastPageFetched }
  get pageCount() { return this.pageImages.pageCount }
  get ensurePages() { return this.pageImages.ensurePages }
  get retryPages() { return this.pageImages.retryPages }

  // forced reading (reading)
  get clock() { return this.reading.clock }
  get forced() { return this.reading.forced }
  get readingSecondsLeft() { return this.reading.readingSecondsLeft }
  get needsLastPage() { return this.reading.needsLastPage }
  get readingSatisfied() { return this.reading.readingSatisfied }
  get readingPrompt() { return this.reading.readingPrompt }
  get refreshClock() { return this.reading.refreshClock }

  // fields and the draft (draft)
  get values() { return this.draft.values }
  get pending() { return this.draft.pending }
  get touched() { return this.draft.touched }
  get showAllErrors() { return this.draft.showAllErrors }
  get focusedFieldId() { return this.draft.focusedFieldId }
  get scrollTarget() { return this.draft.scrollTarget }
  get notice() { return this.draft.notice }
  get fields() { return this.draft.fields }
  get myFields() { return this.draft.myFields }
  get fieldsByPage() { return this.draft.fieldsByPage }
  get pagingSealFields() { return this.draft.pagingSealFields }
  get editable() { return this.draft.editable }
  get remainingFields() { return this.draft.remainingFields }
  get remainingCount() { return this.draft.remainingCount }
  get problems() { return this.draft.problems }
  get isMine() { return this.draft.isMine }
  get signerLabel() { return this.draft.signerLabel }
  get problemOf() { return this.draft.problemOf }
  get fieldError() { return this.draft.fieldError }
  get dateText() { return this.draft.dateText }
  get focusNext() { return this.draft.focusNext }
  get focusField() { return this.draft.focusField }
  get scrollToPage() { return this.draft.scrollToPage }
  get touch() { return this.draft.touch }
  get setText() { return this.draft.setText }
  get toggleCheck() { return this.draft.toggleCheck }
  get dismissNotice() { return this.draft.dismissNotice }
  get buildValues() { return this.draft.buildValues }
  get flushDraft() { return this.draft.flushDraft }

  // seals (sealChoice)
  get seals() { return this.sealChoice.seals }
  get sealsError() { return this.sealChoice.sealsError }
  get sealPickerFor() { return this.sealChoice.sealPickerFor }
  get loadSeals() { return this.sealChoice.loadSeals }
  get sealsFor() { return this.sealChoice.sealsFor }
  get sealOf() { return this.sealChoice.sealOf }
  get noSealMessage() { return this.sealChoice.noSealMessage }
  get openSealPicker() { return this.sealChoice.openSealPicker }
  get closeSealPicker() { return this.sealChoice.closeSealPicker }
  get chooseSeal() { return this.sealChoice.chooseSeal }

  // signatures
  get signatureTarget() { return this.signatures.signatureTarget }
  get awaitingSignature() { return this.signatures.awaitingSignature }
  get signatureFields() { return this.signatures.signatureFields }
  get systemSignatureName() { return this.signatures.systemSignatureName }
  get requestSignature() { return this.signatures.requestSignature }
  get consumeAcceptedSignature() { return this.signatures.consumeAcceptedSignature }
  get applySignature() { return this.signatures.applySignature }
  get useSystemSignature() { return this.signatures.useSystemSignature }
  get clearSignature() { return this.signatures.clearSignature }

  // intent (意愿认证)
  get intentMethods() { return this.intent.intentMethods }
  get intentMethod() { return this.intent.intentMethod }
  get challenge() { return this.intent.challenge }
  get intentCode() { return this.intent.intentCode }
  get intentPassword() { return this.intent.intentPassword }
  get newPassword() { return this.intent.newPassword }
  get newPassword2() { return this.intent.newPassword2 }
  get intentError() { return this.intent.intentError }
  get intentBusy() { return this.intent.intentBusy }
  get passwordSet() { return this.intent.passwordSet }
  get grant() { return this.intent.grant }
  get smsResendIn() { return this.intent.smsResendIn }
  get intentUsable() { return this.intent.intentUsable }
  get chooseMethod() { return this.intent.chooseMethod }
  get setIntentInput() { return this.intent.setIntentInput }
  get startIntent() { return this.intent.startIntent }
  get setPassword() { return this.intent.setPassword }
  get confirmIntent() { return this.intent.confirmIntent }

  // submission
  get submitting() { return this.submission.submitting }
  get submitError() { return this.submission.submitError }
  get result() { return this.submission.result }
  get proceedToIntent() { return this.submission.proceedToIntent }
  get backFromIntent() { return this.submission.backFromIntent }
  get retrySubmit() { return this.submission.retrySubmit }

  // decline, 拒签 (declineFlow)
  get declineOpen() { return this.declineFlow.declineOpen }
  get declineReason() { return this.declineFlow.declineReason }
  get declineTouched() { return this.declineFlow.declineTouched }
  get declineError() { return this.declineFlow.declineError }
  get declining() { return this.declineFlow.declining }
  get canDecline() { return this.declineFlow.canDecline }
  get declineProblem() { return this.declineFlow.declineProblem }
  get openDecline() { return this.declineFlow.openDecline }
  get setDeclineReason() { return this.declineFlow.setDeclineReason }
  get decline() { return this.declineFlow.decline }

  // the polled result (resultPolling)
  get status() { return this.resultPolling.status }
  get statusError() { return this.resultPolling.statusError }
  get signers() { return this.resultPolling.signers }
  get flowStatus() { return this.resultPolling.flowStatus }
  get closedMessage() { return this.resultPolling.closedMessage }
  get pollStatus() { return this.resultPolling.pollStatus }
  get startPolling() { return this.resultPolling.startPolling }
  get stopPolling() { return this.resultPolling.stopPolling }

  // audit trail (auditTrail)
  get audit() { return this.auditTrail.audit }
  get auditError() { return this.auditTrail.auditError }
  get auditLoading() { return this.auditTrail.auditLoading }
  get verification() { return this.auditTrail.verification }
  get verifyBusy() { return this.auditTrail.verifyBusy }
  get verifyError() { return this.auditTrail.verifyError }
  get loadAudit() { return this.auditTrail.loadAudit }
  get verifyDocument() { return this.auditTrail.verifyDocument }
}
