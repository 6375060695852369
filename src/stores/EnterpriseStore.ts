import { makeAutoObservable, runInAction } from 'mobx'
import type { AuthorizationMethod } from '@/domain/enterprise/application'
import { base64ToBytes, bytesToBase64 } from '@/domain/base64'
import { LICENSE_FIELDS, validateLicense, type LicenseErrors, type LicenseField } from '@/domain/enterprise/license'
import { validateCreditCode } from '@/domain/creditCode'
import { checkFile, LETTER_FILE_RULE, LICENSE_FILE_RULE } from '@/domain/fileType'
import { validateMobile, validatePersonName, validateResidentId, validateSmsCode } from '@/domain/identity'
import { toServiceError, type ServiceError } from '@/services/errors'
import type { KeyValueStore } from '@/services/storage'
import type {
  EnterpriseApplication,
  EnterpriseDevTools,
  InkSealService,
  LetterTemplate,
  LicenseSample,
  SmsTicket,
  UploadedFile,
  UploadPurpose
} from '@/services/types'
import type { SessionStore } from './SessionStore'
import { Clock } from './clock'
import { SmsCode } from './smsCode'
import { LegalRepAuthorizeStore } from './enterprise/authorize'
import { blankLicense, isSessionError, personChecks, WAITING, type LegalRepField, type PersonField, type PickedBytes, type UploadProgress } from './enterprise/core'

/**
 * Enterprise onboarding (the operator's pages/index) and the legal representative's
 * authorization (pages/authorize, `authorize` below). Platform-free: pages read files with
 * src/platform/files and hand the bytes over. The application id is kept on the device so the
 * app resumes where the application stands; no full ID or mobile number is ever stored.
 */

const APP_KEY = 'inkseal.enterprise.applicationId'

/** Where the operator is. */
export type OperatorStep = 'verify' | 'start' | 'loading' | 'license' | 'confirm' | 'admin' | 'method' | 'status'

export type { UploadProgress, PickedBytes, PersonField, LegalRepField } from './enterprise/core'
export { LegalRepAuthorizeStore, type AuthorizeState } from './enterprise/authorize'

export class EnterpriseStore {
  applicationId: string | null = null
  app: EnterpriseApplication | null = null
  loading = false
  busy = false
  /** A message for the whole page */
  error: string | null = null
  upload: UploadProgress | null = null
  ocrFailure: { message: string; reason: string } | null = null
  /** The operator asked to take a new licence photo */
  retaking = false
  /** Going back from a later step to edit the licence or the administrator */
  editing: 'license' | 'admin' | null = null
  /** The operator opened the method choice again from the status page */
  choosingMethod = false
  /** A local URL of the licence picture, for showing it (not persisted) */
  preview: string | null = null

  licenseForm: Record<LicenseField, string> = blankLicense()
  licenseEdited: Partial<Record<LicenseField, boolean>> = {}
  licenseTouched: Partial<Record<LicenseField, boolean>> = {}
  licenseServerErrors: LicenseErrors = {}

  adminForm: Record<PersonField, string> = { name: '', idNumber: '', mobile: '' }
  adminTouched: Partial<Record<PersonField, boolean>> = {}
  adminServerErrors: Partial<Record<PersonField, string>> = {}

  method: AuthorizationMethod | null = null
  legalRepForm: Record<LegalRepField, string> = { creditCode: '', name: '', idNumber: '', mobile: '' }
  legalRepTouched: Partial<Record<LegalRepField, boolean>> = {}
  legalRepServerErrors: Partial<Record<LegalRepField, string>> = {}

  template: LetterTemplate | null = null
  /** The observable clock for checks (licence dates, ages) and the self code's countdown */
  readonly time: Clock
  /** The operator's own code when they are the legal representative (method SELF) */
  readonly selfSms: SmsCode

  readonly authorize: LegalRepAuthorizeStore
  private pollTimer: ReturnType<typeof setInterval> | null = null
  private seq = 0

  constructor(
    private readonly service: InkSealService,
    private readonly session: SessionStore,
    private readonly storage: KeyValueStore,
    now: () => number,
    /** The sandbox's developer tools (demo licences, review clock), null on a real backend */
    private readonly sandboxTools: () => EnterpriseDevTools | null = () => null
  ) {
    this.time = new Clock(now)
    this.selfSms = new SmsCode(this.time)
    makeAutoObservable<EnterpriseStore, 'service' | 'session' | 'storage' | 'sandboxTools' | 'pollTimer' | 'seq'>(this, {
      service: false,
      session: false,
      storage: false,
      sandboxTools: false,
      pollTimer: false,
      seq: false,
      authorize: false,
      time: false,
      selfSms: false
    })
    this.applicationId = storage.get(APP_KEY)
    this.authorize = new LegalRepAuthorizeStore(service, session, now)
  }

  // ------------------------------------------------------------ derived

  /** Sandbox developer tools, when the backend is the embedded sandbox (demo licences). */
  get devTools(): EnterpriseDevTools | null {
    return this.sandboxTools()
  }

  get samples(): LicenseSample[] {
    return this.devTools ? this.devTools.listLicenseSamples() : []
  }

  get step(): OperatorStep {
    if (!this.session.active) return 'verify'
    if (!this.applicationId) return 'start'
    const app = this.app
    if (!app || app.applicationId !== this.applicationId) return 'loading'
    switch (app.status) {
      case 'DRAFT':
        return app.ocr && !this.retaking ? 'confirm' : 'license'
      case 'LICENSE_CONFIRMED':
        if (this.retaking) return 'license'
        return this.editing === 'license' ? 'confirm' : 'admin'
      case 'ADMIN_SET':
        if (this.retaking) return 'license'
        if (this.editing === 'license') return 'confirm'
        return this.editing === 'admin' ? 'admin' : 'method'
      case 'LETTER_REJECTED':
      case 'LEGAL_REP_PENDING':
      case 'REFUSED_BY_LEGAL_REP':
        if (this.editing === 'admin') return 'admin'
        return this.choosingMethod ? 'method' : 'status'
      default:
        return 'status'
    }
  }

  get waiting(): boolean {
    return !!this.app && WAITING.includes(this.app.status)
  }

  get licenseErrors(): LicenseErrors {
    const r = validateLicense(this.licenseForm, this.clock)
    const local: LicenseErrors = r.ok ? {} : r.errors
    const out: LicenseErrors = {}
    for (const f of LICENSE_FIELDS) {
      const msg = this.licenseServerErrors[f] ?? (this.licenseTouched[f] ? local[f] : undefined)
      if (msg) out[f] = msg
    }
    return out
  }

  /** OCR was unsure of this field and the operator has not changed it. */
  lowConfidence(field: LicenseField): boolean {
    const ocr = this.app?.ocr
    return !!ocr && ocr.fields[field].lowConfidence && !this.licenseEdited[field]
  }

  get adminErrors(): Partial<Record<PersonField, string>> {
    const local = personChecks(this.adminForm, this.clock)
    const out: Partial<Record<PersonField, string>> = {}
    for (const f of ['name', 'idNumber', 'mobile'] as PersonField[]) {
      const msg = this.adminServerErrors[f] ?? (this.adminTouched[f] ? local[f] : null)
      if (msg) out[f] = msg
    }
    return out
  }

  get legalRepErrors(): Partial<Record<LegalRepField, string>> {
    const { creditCode, ...person } = this.legalRepForm
    const local: Record<LegalRepField, string | null> = { ...personChecks(person, this.clock), creditCode: null }
    const c = validateCreditCode(creditCode)
    if (!c.ok) local.creditCode = c.message
    const out: Partial<Record<LegalRepField, string>> = {}
    for (const f of ['creditCode', 'name', 'idNumber', 'mobile'] as LegalRepField[]) {
      const msg = this.legalRepServerErrors[f] ?? (this.legalRepTouched[f] ? local[f] : null)
      if (msg) out[f] = msg
    }
    return out
  }

  get allowedMethods(): AuthorizationMethod[] {
    return this.app?.allowedMethods ?? []
  }

  /** The method shown in the method step: the operator's choice, else the first allowed. */
  get currentMethod(): AuthorizationMethod | null {
    const allowed = this.allowedMethods
    if (this.method && allowed.includes(this.method)) return this.method
    return allowed[0] ?? null
  }

  /** The time of the last tick */
  get clock(): number {
    return this.time.time
  }

  get selfTicket(): SmsTicket | null {
    return this.selfSms.ticket
  }

  get selfCode(): string {
    return this.selfSms.code
  }

  get selfError(): string | null {
    return this.selfSms.error
  }

  get selfResendIn(): number {
    return this.selfSms.resendIn
  }

  // ------------------------------------------------------------ plumbing

  private setApplicationId(id: string | null): void {
    this.applicationId = id
    if (id) this.storage.set(APP_KEY, id)
    else this.storage.remove(APP_KEY)
  }

  private setApp(app: EnterpriseApplication): void {
    const before = this.app
    this.app = app
    this.error = null
    if (app.applicationId !== this.applicationId) this.setApplicationId(app.applicationId)
    // A new OCR result (or none yet): fill the form from it.
    if (app.ocr && (!before || before.ocr?.recognizedAt !== app.ocr.recognizedAt) && app.status === 'DRAFT') {
      const f = app.ocr.fields
      this.licenseForm = {
        name: f.name.value,
        creditCode: f.creditCode.value,
        legalRepresentative: f.legalRepresentative.value,
        orgKind: f.orgKind.value,
        address: f.address.value,
        registeredOn: f.registeredOn.value,
        validUntil: f.validUntil.value
      }
      this.licenseEdited = {}
      this.licenseTouched = {}
      this.licenseServerErrors = {}
    }
  }

  /** Handles a failure common to every call; returns the error for the caller's own fields. */
  private failed(e: unknown): ServiceError {
    const err = toServiceError(e)
    if (isSessionError(err)) {
      this.session.clear()
      this.error = err.message
    } else if (err.code === 'FORBIDDEN' || err.code === 'APPLICATION_NOT_FOUND') {
      // Someone else's (or a forgotten) application: start a new one.
      this.setApplicationId(null)
      this.app = null
      this.error = err.message
    } else {
      this.error = err.message
    }
    return err
  }

  private async call<T>(fn: (session: string) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ServiceError }> {
    const s = this.session.active
    if (!s) {
      this.error = '请先完成实名认证'
      return { ok: false, error: toServiceError(new Error('no session')) }
    }
    this.busy = true
    this.error = null
    try {
      const value = await fn(s.token)
      runInAction(() => {
        this.busy = false
      })
      return { ok: true, value }
    } catch (e) {
      return runInAction(() => {
        this.busy = false
        return { ok: false as const, error: this.failed(e) }
      })
    }
  }

  refreshClock(): void {
    this.time.tick()
  }

  // ------------------------------------------------------------ operator actions

  /** Loads the stored application (after launch or verification). */
  async load(): Promise<void> {
    if (!this.session.active || !this.applicationId) return
    const seq = ++this.seq
    this.loading = true
    const id = this.applicationId
    try {
      const app = await this.service.getEnterpriseApplication({ session: this.session.active.token, applicationId: id })
      if (seq !== this.seq) return
      runInAction(() => {
        this.loading = false
        this.setApp(app)
      })
    } catch (e) {
      if (seq !== this.seq) return
      runInAction(() => {
        this.loading = false
        this.failed(e)
      })
    }
  }

  /** Re-reads the application quietly (polling): errors other than session ones are ignored. */
  async refresh(): Promise<void> {
    const s = this.session.active
    if (!s || !this.applicationId) return
    try {
      const app = await this.service.getEnterpriseApplication({ session: s.token, applicationId: this.applicationId })
      runInAction(() => this.setApp(app))
    } catch (e) {
      const err = toServiceError(e)
      if (isSessionError(err) || err.code === 'FORBIDDEN' || err.code === 'APPLICATION_NOT_FOUND') runInAction(() => this.failed(err))
    }
  }

  /** Polls while a letter is reviewed or the legal representative has not answered. */
  startPolling(intervalMs = 3000): void {
    this.stopPolling()
    this.pollTimer = setInterval(() => {
      if (this.waiting) void this.refresh()
    }, intervalMs)
  }

  stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer)
    this.pollTimer = null
  }

  async start(): Promise<boolean> {
    this.resetForms()
    const r = await this.call((session) => this.service.createEnterpriseApplication({ session }))
    if (r.ok) runInAction(() => this.setApp(r.value))
    return r.ok
  }

  /** Forgets the application on this device (after it is activated or cancelled). */
  forget(): void {
    this.stopPolling()
    this.setApplicationId(null)
    this.app = null
    this.resetForms()
  }

  private resetForms(): void {
    this.licenseForm = blankLicense()
    this.licenseEdited = {}
    this.licenseTouched = {}
    this.licenseServerErrors = {}
    this.adminForm = { name: '', idNumber: '', mobile: '' }
    this.adminTouched = {}
    this.adminServerErrors = {}
    this.legalRepForm = { creditCode: '', name: '', idNumber: '', mobile: '' }
    this.legalRepTouched = {}
    this.legalRepServerErrors = {}
    this.method = null
    this.template = null
    this.selfSms.clear()
    this.upload = null
    this.ocrFailure = null
    this.preview = null
    this.retaking = false
    this.editing = null
    this.choosingMethod = false
    this.error = null
  }

  /** Checks the bytes here first, then sends them in chunks; progress is in `upload`. */
  async uploadFile(purpose: UploadPurpose, file: PickedBytes): Promise<UploadedFile | null> {
    const s = this.session.active
    if (!s) {
      this.error = '请先完成实名认证'
      return null
    }
    const checked = checkFile(file.bytes, purpose === 'LICENSE' ? LICENSE_FILE_RULE : LETTER_FILE_RULE)
    const total = file.bytes.length
    if (!checked.ok) {
      this.upload = { purpose, fileName: file.name, sent: 0, total, phase: 'failed', message: checked.message }
      return null
    }
    this.upload = { purpose, fileName: file.name, sent: 0, total, phase: 'uploading', message: null }
    this.busy = true
    try {
      const ticket = await this.service.startUpload({ session: s.token, purpose, fileName: file.name, size: total })
      for (let i = 0; i < ticket.chunkCount; i++) {
        const part = file.bytes.subarray(i * ticket.chunkSize, (i + 1) * ticket.chunkSize)
        const r = await this.service.uploadChunk({ session: s.token, uploadId: ticket.uploadId, index: i, data: bytesToBase64(part) })
        runInAction(() => {
          if (this.upload) this.upload.sent = r.received
        })
      }
      runInAction(() => {
        if (this.upload) this.upload.phase = 'processing'
      })
      const done = await this.service.finishUpload({ session: s.token, uploadId: ticket.uploadId })
      runInAction(() => {
        this.busy = false
        if (this.upload) this.upload.phase = 'done'
      })
      return done
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.busy = false
        if (this.upload) {
          this.upload.phase = 'failed'
          this.upload.message = err.message
        }
        if (isSessionError(err)) this.failed(err)
      })
      return null
    }
  }

  /** Uploads a licence photo and has it read. On an unreadable picture `ocrFailure` says why. */
  async uploadLicense(file: PickedBytes): Promise<boolean> {
    this.ocrFailure = null
    this.error = null
    const id = this.applicationId
    if (!id) return false
    const uploaded = await this.uploadFile('LICENSE', file)
    if (!uploaded) return false
    const r = await this.call((session) => this.service.recognizeLicense({ session, applicationId: id, fileId: uploaded.fileId }))
    return runInAction(() => {
      if (r.ok) {
        this.retaking = false
        this.editing = null
        this.setApp(r.value)
        return true
      }
      if (r.error.code === 'OCR_FAILED') {
        // The upload went fine; the picture could not be read (the page asks for a retake).
        this.ocrFailure = { message: r.error.message, reason: String(r.error.details.reason ?? '') }
        this.error = null
      } else if (this.upload) {
        this.upload.phase = 'failed'
      }
      return false
    })
  }

  /** A demo licence from the sandbox (developer tools), uploaded like a photo. */
  async useSample(key: string): Promise<boolean> {
    const dev = this.devTools
    if (!dev) return false
    const sample = this.samples.find((s) => s.key === key)
    return this.uploadLicense({ name: sample?.fileName ?? `${key}.png`, bytes: dev.licenseSampleImage(key) })
  }

  setPreview(url: string | null): void {
    this.preview = url
  }

  retake(): void {
    this.retaking = true
    this.ocrFailure = null
    this.upload = null
  }

  cancelRetake(): void {
    this.retaking = false
  }

  setLicenseField(field: LicenseField, value: string): void {
    this.licenseForm[field] = value
    this.licenseEdited[field] = true
    delete this.licenseServerErrors[field]
  }

  touchLicense(field: LicenseField): void {
    this.licenseTouched[field] = true
  }

  /** Confirms the licence; refuses locally first (e.g. a credit code that fails GB 32100). */
  async confirmLicense(): Promise<boolean> {
    this.refreshClock()
    for (const f of LICENSE_FIELDS) this.licenseTouched[f] = true
    const v = validateLicense(this.licenseForm, this.clock)
    if (!v.ok) return false
    const id = this.applicationId as string
    const r = await this.call((session) => this.service.confirmLicense({ session, applicationId: id, license: { ...v.value } }))
    return runInAction(() => {
      if (r.ok) {
        this.editing = null
        this.setApp(r.value)
        return true
      }
      const field = r.error.details.field as LicenseField | undefined
      if (field && (LICENSE_FIELDS as string[]).includes(field)) {
        this.licenseServerErrors[field] = r.error.message
        this.error = null
      }
      return false
    })
  }

  setAdminField(field: PersonField, value: string): void {
    this.adminForm[field] = value
    delete this.adminServerErrors[field]
  }

  touchAdmin(field: PersonField): void {
    this.adminTouched[field] = true
  }

  async setAdmin(): Promise<boolean> {
    this.refreshClock()
    this.adminTouched = { name: true, idNumber: true, mobile: true }
    const checks = personChecks(this.adminForm, this.clock)
    if (checks.name || checks.idNumber || checks.mobile) return false
    const id = this.applicationId as string
    const admin = {
      name: (validatePersonName(this.adminForm.name) as { value: string }).value,
      idNumber: (validateResidentId(this.adminForm.idNumber, this.clock) as { value: { id: string } }).value.id,
      mobile: (validateMobile(this.adminForm.mobile) as { value: string }).value
    }
    const r = await this.call((session) => this.service.setAdministrator({ session, applicationId: id, admin }))
    return runInAction(() => {
      if (r.ok) {
        this.editing = null
        this.choosingMethod = false
        this.adminForm = { name: '', idNumber: '', mobile: '' } // the full numbers leave memory
        this.adminTouched = {}
        this.setApp(r.value)
        return true
      }
      const field = r.error.details.field as PersonField | undefined
      if (field === 'name' || field === 'idNumber' || field === 'mobile') {
        this.adminServerErrors[field] = r.error.message
        this.error = null
      }
      return false
    })
  }

  edit(what: 'license' | 'admin' | null): void {
    this.editing = what
    if (what === 'license' && this.app?.license) {
      const l = this.app.license
      this.licenseForm = { ...l }
      this.licenseEdited = {}
      this.licenseTouched = {}
    }
  }

  chooseMethod(m: AuthorizationMethod): void {
    this.method = m
  }

  /** From the status page: switch method or send a new link. */
  reopenMethods(open = true): void {
    this.choosingMethod = open
  }

  setLegalRepField(field: LegalRepField, value: string): void {
    this.legalRepForm[field] = value
    delete this.legalRepServerErrors[field]
  }

  touchLegalRep(field: LegalRepField): void {
    this.legalRepTouched[field] = true
  }

  async requestLegalRep(): Promise<boolean> {
    this.refreshClock()
    this.legalRepTouched = { creditCode: true, name: true, idNumber: true, mobile: true }
    if (Object.keys(this.legalRepErrors).length > 0) return false
    const id = this.applicationId as string
    const f = this.legalRepForm
    const legalRep = {
      name: (validatePersonName(f.name) as { value: string }).value,
      idNumber: (validateResidentId(f.idNumber, this.clock) as { value: { id: string } }).value.id,
      mobile: (validateMobile(f.mobile) as { value: string }).value
    }
    const creditCode = (validateCreditCode(f.creditCode) as { value: { code: string } }).value.code
    const r = await this.call((session) => this.service.requestLegalRepAuthorization({ session, applicationId: id, creditCode, legalRep }))
    return runInAction(() => {
      if (r.ok) {
        this.choosingMethod = false
        this.legalRepForm = { creditCode: '', name: '', idNumber: '', mobile: '' }
        this.legalRepTouched = {}
        this.setApp(r.value)
        return true
      }
      const map: Record<string, LegalRepField> = {
        creditCode: 'creditCode',
        legalRepName: 'name',
        legalRepIdNumber: 'idNumber',
        legalRepMobile: 'mobile'
      }
      const field = map[String(r.error.details.field ?? '')]
      if (field) {
        this.legalRepServerErrors[field] = r.error.message
        this.error = null
      }
      return false
    })
  }

  /** The letter template (text for the page, PDF bytes for download). */
  async loadTemplate(): Promise<LetterTemplate | null> {
    if (this.template) return this.template
    const id = this.applicationId as string
    const r = await this.call((session) => this.service.getLetterTemplate({ session, applicationId: id }))
    if (!r.ok) return null
    runInAction(() => {
      this.template = r.value
    })
    return r.value
  }

  templateBytes(): Uint8Array | null {
    return this.template ? base64ToBytes(this.template.base64) : null
  }

  async submitLetter(file: PickedBytes): Promise<boolean> {
    const id = this.applicationId as string
    const uploaded = await this.uploadFile('LETTER', file)
    if (!uploaded) return false
    const r = await this.call((session) => this.service.submitAuthorizationLetter({ session, applicationId: id, fileId: uploaded.fileId }))
    if (r.ok) {
      runInAction(() => {
        this.choosingMethod = false
        this.setApp(r.value)
      })
    }
    return r.ok
  }

  /** The sandbox's demo signed letter. */
  async useSampleLetter(): Promise<boolean> {
    const dev = this.devTools
    if (!dev) return false
    return this.submitLetter({ name: '授权书（演示）.png', bytes: dev.licenseSampleImage('LETTER') })
  }

  /** Sandbox only: decide pending letter reviews now instead of waiting. */
  async completeReviewsNow(): Promise<void> {
    const dev = this.devTools
    if (!dev) return
    await dev.completeLetterReviews()
    await this.refresh()
  }

  setSelfCode(v: string): void {
    this.selfSms.setCode(v)
  }

  async sendSelfCode(): Promise<boolean> {
    this.refreshClock()
    if (this.selfResendIn > 0) return false
    const id = this.applicationId as string
    // No SMS_TOO_FREQUENT hold here (as before): the refusal shows as the code's message.
    const r = await this.selfSms.send(async () => {
      const c = await this.call((session) => this.service.sendLegalRepCode({ session, applicationId: id }))
      if (!c.ok) throw c.error
      return c.value
    }, false)
    runInAction(() => {
      if (!r.ok && r.error) {
        this.selfSms.fail(r.error.message)
        this.error = null
      }
    })
    return r.ok
  }

  async confirmSelf(): Promise<boolean> {
    const code = validateSmsCode(this.selfCode)
    if (!code.ok) {
      this.selfSms.fail(code.message)
      return false
    }
    const id = this.applicationId as string
    const r = await this.call((session) => this.service.confirmLegalRepAuthorization({ session, applicationId: id, smsCode: code.value }))
    if (!r.ok) {
      runInAction(() => {
        this.selfSms.fail(r.error.message)
        this.error = null
      })
      return false
    }
    await this.refresh()
    this.selfSms.clear()
    return true
  }

  async cancel(): Promise<boolean> {
    const id = this.applicationId as string
    const r = await this.call((session) => this.service.cancelEnterpriseApplication({ session, applicationId: id }))
    if (r.ok) runInAction(() => this.setApp(r.value))
    return r.ok
  }

  dispose(): void {
    this.stopPolling()
    this.time.dispose()
    this.authorize.dispose()
  }
}
