import { makeAutoObservable, runInAction } from 'mobx'
import { LICENSE_FIELDS, validateLicense, type LicenseErrors, type LicenseField } from '@/domain/enterprise/license'
import type { EnterpriseApplication } from '@/services/types'
import type { EnterpriseStore } from '@/stores/EnterpriseStore'
import { FormState } from '@/stores/form'
import { blankLicense, type PickedBytes } from './core'

/**
 * The business licence: the photo (upload, OCR, retake, preview) and the company data the
 * operator confirms (filled from OCR, low-confidence fields marked until edited).
 */
export class LicenseUnit {
  ocrFailure: { message: string; reason: string } | null = null
  /** A local URL of the licence picture, for showing it (not persisted) */
  preview: string | null = null
  edited: Partial<Record<LicenseField, boolean>> = {}
  readonly form: FormState<LicenseField>

  constructor(private readonly host: EnterpriseStore) {
    this.form = new FormState<LicenseField>(LICENSE_FIELDS, blankLicense, (values) => {
      const r = validateLicense(values, host.clock)
      return r.ok ? {} : r.errors
    })
    makeAutoObservable<LicenseUnit, 'host'>(this, { host: false, form: false })
  }

  get errors(): LicenseErrors {
    return this.form.errors
  }

  /** OCR was unsure of this field and the operator has not changed it. */
  lowConfidence(field: LicenseField): boolean {
    const ocr = this.host.app?.ocr
    return !!ocr && ocr.fields[field].lowConfidence && !this.edited[field]
  }

  /** A new OCR result (or none yet) on a draft: fill the form from it. */
  onApp(before: EnterpriseApplication | null, app: EnterpriseApplication): void {
    if (app.ocr && (!before || before.ocr?.recognizedAt !== app.ocr.recognizedAt) && app.status === 'DRAFT') {
      const f = app.ocr.fields
      this.form.fill({
        name: f.name.value,
        creditCode: f.creditCode.value,
        legalRepresentative: f.legalRepresentative.value,
        orgKind: f.orgKind.value,
        address: f.address.value,
        registeredOn: f.registeredOn.value,
        validUntil: f.validUntil.value
      })
      this.edited = {}
    }
  }

  /** Uploads a licence photo and has it read. On an unreadable picture `ocrFailure` says why. */
  async upload(file: PickedBytes): Promise<boolean> {
    const host = this.host
    this.ocrFailure = null
    host.error = null
    const id = host.applicationId
    if (!id) return false
    const uploaded = await host.uploads.uploadFile('LICENSE', file)
    if (!uploaded) return false
    const r = await host.call((session) => host.service.recognizeLicense({ session, applicationId: id, fileId: uploaded.fileId }))
    return runInAction(() => {
      if (r.ok) {
        host.retaking = false
        host.editing = null
        host.setApp(r.value)
        return true
      }
      if (r.error.code === 'OCR_FAILED') {
        // The upload went fine; the picture could not be read (the page asks for a retake).
        this.ocrFailure = { message: r.error.message, reason: String(r.error.details.reason ?? '') }
        host.error = null
      } else {
        host.uploads.markFailed()
      }
      return false
    })
  }

  /** A demo licence from the sandbox (developer tools), uploaded like a photo. */
  async useSample(key: string): Promise<boolean> {
    const dev = this.host.devTools
    if (!dev) return false
    const sample = this.host.samples.find((s) => s.key === key)
    return this.upload({ name: sample?.fileName ?? `${key}.png`, bytes: dev.licenseSampleImage(key) })
  }

  setPreview(url: string | null): void {
    this.preview = url
  }

  retake(): void {
    this.host.retaking = true
    this.ocrFailure = null
    this.host.uploads.clear()
  }

  setField(field: LicenseField, value: string): void {
    this.form.set(field, value)
    this.edited[field] = true
  }

  /** Editing again from a later step: the confirmed licence back in the form. */
  edit(): void {
    const l = this.host.app?.license
    if (!l) return
    this.form.values = { ...l }
    this.form.touched = {}
    this.edited = {}
  }

  /** Confirms the licence; refuses locally first (e.g. a credit code that fails GB 32100). */
  async confirm(): Promise<boolean> {
    const host = this.host
    host.refreshClock()
    const id = host.applicationId as string
    const r = await this.form.submit(
      (values) => {
        const v = validateLicense(values, host.clock)
        return host.call((session) => host.service.confirmLicense({ session, applicationId: id, license: { ...(v.ok ? v.value : values) } }))
      },
      (err) => err.details.field as LicenseField | undefined
    )
    if (!r) return false
    return runInAction(() => {
      if (r.ok) {
        host.editing = null
        host.setApp(r.value)
        return true
      }
      if (r.field) host.error = null
      return false
    })
  }

  reset(): void {
    this.form.reset()
    this.edited = {}
    this.ocrFailure = null
    this.preview = null
  }
}
