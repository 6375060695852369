import { makeAutoObservable, runInAction } from 'mobx'
import type { AuthorizationMethod } from '@/domain/enterprise/application'
import type { LicenseField } from '@/domain/enterprise/license'
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
import { forward } from './forward'
import { AdminUnit } from './enterprise/admin'
import { LegalRepAuthorizeStore } from './enterprise/authorize'
import { CloudUnit } from './enterprise/cloud'
import { isSessionError, type LegalRepField, type PersonField, type PickedBytes } from './enterprise/core'
import { LicenseUnit } from './enterprise/license'
import { MethodUnit } from './enterprise/method'
import { StatusUnit } from './enterprise/status'
import { UploadUnit } from './enterprise/upload'

export type { UploadProgress, PickedBytes, PersonField, LegalRepField } from './enterprise/core'
export { LegalRepAuthorizeStore, type AuthorizeState } from './enterprise/authorize'
export { ReviewDeskStore } from './enterprise/review'

/**
 * Enterprise onboarding (the operator's pages/index) and the legal representative's
 * authorization (pages/authorize, `authorize`). This store holds the application, where the
 * operator is (`step`, derived from the status the backend's state machine gives) and the
 * calls' plumbing; its units hold the steps: `uploads`, `license` (photo, OCR, company data),
 * `admin` (with its SMS code), `method` (legal representative, letter, own code), `cloud`
 * (腾讯云快速认证), under stores/enterprise/. The
 * flat members below keep the pages' (and tests') names. Platform-free: pages read files with
 * src/platform/files and hand the bytes over. The application id is kept on the device so the
 * app resumes where the application stands; no full ID or mobile number is ever stored.
 */

const APP_KEY = 'inkseal.enterprise.applicationId'

export type { OperatorStep } from './enterprise/status'

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- an interface below types the forwarded names
export class EnterpriseStore {
  applicationId: string | null = null
  app: EnterpriseApplication | null = null
  loading = false
  busy = false
  /** A message for the whole page */
  error: string | null = null
  /** The operator asked to take a new licence photo */
  retaking = false
  /** Going back from a later step to edit the licence or the administrator */
  editing: 'license' | 'admin' | null = null
  /** The operator opened the method choice again from the status page */
  choosingMethod = false

  /** The observable clock for checks (licence dates, ages) and the own code's countdown */
  readonly time: Clock
  readonly uploads: UploadUnit
  readonly license: LicenseUnit
  readonly admin: AdminUnit
  readonly method: MethodUnit
  readonly cloud: CloudUnit
  readonly authorize: LegalRepAuthorizeStore
  readonly status: StatusUnit
  private seq = 0

  constructor(
    readonly service: InkSealService,
    readonly session: SessionStore,
    private readonly storage: KeyValueStore,
    now: () => number,
    /** The sandbox's developer tools (demo licences, review clock), null on a real backend */
    private readonly sandboxTools: () => EnterpriseDevTools | null = () => null
  ) {
    this.time = new Clock(now)
    this.uploads = new UploadUnit(this)
    this.license = new LicenseUnit(this)
    this.admin = new AdminUnit(this)
    this.method = new MethodUnit(this)
    this.cloud = new CloudUnit(this)
    this.status = new StatusUnit(this)
    this.authorize = new LegalRepAuthorizeStore(service, session, now)
    makeAutoObservable<EnterpriseStore, 'storage' | 'sandboxTools' | 'seq'>(this, {
      service: false,
      session: false,
      storage: false,
      sandboxTools: false,
      status: false,
      seq: false,
      time: false,
      uploads: false,
      license: false,
      admin: false,
      method: false,
      cloud: false,
      authorize: false
    })
    this.applicationId = storage.get(APP_KEY)
  }

  /** Sandbox developer tools, when the backend is the embedded sandbox (demo licences). */
  get devTools(): EnterpriseDevTools | null {
    return this.sandboxTools()
  }

  get samples(): LicenseSample[] {
    return this.devTools ? this.devTools.listLicenseSamples() : []
  }

  // ------------------------------------------------------------ plumbing

  private setApplicationId(id: string | null): void {
    this.applicationId = id
    if (id) this.storage.set(APP_KEY, id)
    else this.storage.remove(APP_KEY)
  }

  /** The application as the backend (its state machine) gives it; units react to it. */
  setApp(app: EnterpriseApplication): void {
    const before = this.app
    this.app = app
    this.error = null
    if (app.applicationId !== this.applicationId) this.setApplicationId(app.applicationId)
    this.license.onApp(before, app)
  }

  /** Handles a failure common to every call; returns the error for the caller's own fields. */
  failed(e: unknown): ServiceError {
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

  async call<T>(fn: (session: string) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ServiceError }> {
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

  // ------------------------------------------------------------ the application

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
    this.license.reset()
    this.admin.reset()
    this.method.reset()
    this.cloud.reset()
    this.uploads.clear()
    this.retaking = false
    this.editing = null
    this.choosingMethod = false
    this.error = null
  }

  edit(what: 'license' | 'admin' | null): void {
    this.editing = what
    if (what === 'license') this.license.edit()
  }

  /** From the status page: switch method or send a new link. */
  reopenMethods(open = true): void {
    this.choosingMethod = open
  }

  startPolling(intervalMs = 3000): void {
    this.status.startPolling(intervalMs)
  }

  stopPolling(): void {
    this.status.stopPolling()
  }

  cancelRetake(): void {
    this.retaking = false
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

  // ------------------------------------------------------------ the units under the pages' names

  uploadFile(purpose: UploadPurpose, file: PickedBytes): Promise<UploadedFile | null> {
    return this.uploads.uploadFile(purpose, file)
  }
  setPreview(url: string | null): void {
    this.license.setPreview(url)
  }
  retake(): void {
    this.license.retake()
  }
  uploadLicense(file: PickedBytes): Promise<boolean> {
    return this.license.upload(file)
  }
  useSample(key: string): Promise<boolean> {
    return this.license.useSample(key)
  }
  get licenseForm(): Record<LicenseField, string> {
    return this.license.form.values
  }
  lowConfidence(field: LicenseField): boolean {
    return this.license.lowConfidence(field)
  }
  setLicenseField(field: LicenseField, value: string): void {
    this.license.setField(field, value)
  }
  touchLicense(field: LicenseField): void {
    this.license.form.touch(field)
  }
  confirmLicense(): Promise<boolean> {
    return this.license.confirm()
  }

  get adminForm(): Record<PersonField, string> {
    return this.admin.form.values
  }
  get adminErrors(): Partial<Record<PersonField, string>> {
    return this.admin.form.errors
  }
  setAdminField(field: PersonField, value: string): void {
    this.admin.form.set(field, value)
  }
  touchAdmin(field: PersonField): void {
    this.admin.form.touch(field)
  }
  setAdmin(): Promise<boolean> {
    return this.admin.save()
  }

  chooseMethod(m: AuthorizationMethod): void {
    this.method.choose(m)
  }
  get legalRepForm(): Record<LegalRepField, string> {
    return this.method.legalRep.values
  }
  get legalRepErrors(): Partial<Record<LegalRepField, string>> {
    return this.method.legalRep.errors
  }
  setLegalRepField(field: LegalRepField, value: string): void {
    this.method.legalRep.set(field, value)
  }
  touchLegalRep(field: LegalRepField): void {
    this.method.legalRep.touch(field)
  }
  requestLegalRep(): Promise<boolean> {
    return this.method.requestLegalRep()
  }
  loadTemplate(): Promise<LetterTemplate | null> {
    return this.method.loadTemplate()
  }
  templateBytes(): Uint8Array | null {
    return this.method.templateBytes()
  }
  submitLetter(file: PickedBytes): Promise<boolean> {
    return this.method.submitLetter(file)
  }
  useSampleLetter(): Promise<boolean> {
    return this.method.useSampleLetter()
  }
  get selfTicket(): SmsTicket | null {
    return this.method.selfSms.ticket
  }
  get selfCode(): string {
    return this.method.selfSms.code
  }
  get selfError(): string | null {
    return this.method.selfSms.error
  }
  get selfResendIn(): number {
    return this.method.selfSms.resendIn
  }
  setSelfCode(v: string): void {
    this.method.selfSms.setCode(v)
  }
  sendSelfCode(): Promise<boolean> {
    return this.method.sendSelfCode()
  }
  confirmSelf(): Promise<boolean> {
    return this.method.confirmSelf()
  }
}

// The units' state under the pages' names (forward.ts): getters on the prototype.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the forwarded names' types
export interface EnterpriseStore {
  /** The time of the last tick */
  readonly clock: Clock['time']
  /** Where the operator is (stores/enterprise/status.ts) */
  readonly step: StatusUnit['step']
  readonly waiting: StatusUnit['waiting']
  readonly upload: UploadUnit['progress']
  readonly ocrFailure: LicenseUnit['ocrFailure']
  readonly preview: LicenseUnit['preview']
  readonly licenseErrors: LicenseUnit['errors']
  readonly allowedMethods: MethodUnit['allowed']
  readonly currentMethod: MethodUnit['current']
  readonly template: MethodUnit['template']
}
forward(EnterpriseStore, 'time', { clock: 'time' })
forward(EnterpriseStore, 'status', ['step', 'waiting'])
forward(EnterpriseStore, 'uploads', { upload: 'progress' })
forward(EnterpriseStore, 'license', { ocrFailure: 'ocrFailure', preview: 'preview', licenseErrors: 'errors' })
forward(EnterpriseStore, 'method', { allowedMethods: 'allowed', currentMethod: 'current', template: 'template' })
