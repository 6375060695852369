import { makeAutoObservable, runInAction } from 'mobx'
import type { AuthorizationMethod } from '@/domain/enterprise/application'
import { base64ToBytes } from '@/domain/base64'
import { validateCreditCode } from '@/domain/creditCode'
import { validateMobile, validatePersonName, validateResidentId, validateSmsCode } from '@/domain/identity'
import type { LetterTemplate } from '@/services/types'
import type { EnterpriseStore } from '@/stores/EnterpriseStore'
import { FormState } from '@/stores/form'
import { SmsCode } from '@/stores/smsCode'
import { personChecks, type LegalRepField, type PickedBytes } from './core'

const LEGAL_REP_FIELDS: readonly LegalRepField[] = ['creditCode', 'name', 'idNumber', 'mobile']
const blankLegalRep = (): Record<LegalRepField, string> => ({ creditCode: '', name: '', idNumber: '', mobile: '' })
/** The backend's field names for the legal representative's request */
const LEGAL_REP_FIELD_OF: Record<string, LegalRepField> = {
  creditCode: 'creditCode',
  legalRepName: 'name',
  legalRepIdNumber: 'idNumber',
  legalRepMobile: 'mobile'
}

/**
 * How the administrator is authorized: by the legal representative (a link sent to them), by
 * a signed letter (template, upload, review), or by the operator's own code when they are the
 * legal representative (SELF).
 */
export class MethodUnit {
  method: AuthorizationMethod | null = null
  template: LetterTemplate | null = null
  readonly legalRep: FormState<LegalRepField>
  /** The operator's own code (method SELF) */
  readonly selfSms: SmsCode

  constructor(private readonly host: EnterpriseStore) {
    this.legalRep = new FormState<LegalRepField>(LEGAL_REP_FIELDS, blankLegalRep, ({ creditCode, ...person }) => {
      const c = validateCreditCode(creditCode)
      return { ...personChecks(person, host.clock), creditCode: c.ok ? null : c.message }
    })
    this.selfSms = new SmsCode(host.time)
    makeAutoObservable<MethodUnit, 'host'>(this, { host: false, legalRep: false, selfSms: false })
  }

  get allowed(): AuthorizationMethod[] {
    return this.host.app?.allowedMethods ?? []
  }

  /** The method shown in the method step: the operator's choice, else the first allowed. */
  get current(): AuthorizationMethod | null {
    const allowed = this.allowed
    if (this.method && allowed.includes(this.method)) return this.method
    return allowed[0] ?? null
  }

  choose(m: AuthorizationMethod): void {
    this.method = m
  }

  async requestLegalRep(): Promise<boolean> {
    const host = this.host
    host.refreshClock()
    // A backend message still under a field refuses too, as a local one does.
    this.legalRep.touchAll()
    if (Object.keys(this.legalRep.errors).length > 0) return false
    const id = host.applicationId as string
    const r = await this.legalRep.submit(
      (f) => {
        const legalRep = {
          name: (validatePersonName(f.name) as { value: string }).value,
          idNumber: (validateResidentId(f.idNumber, host.clock) as { value: { id: string } }).value.id,
          mobile: (validateMobile(f.mobile) as { value: string }).value
        }
        const creditCode = (validateCreditCode(f.creditCode) as { value: { code: string } }).value.code
        return host.call((session) => host.service.requestLegalRepAuthorization({ session, applicationId: id, creditCode, legalRep }))
      },
      (err) => LEGAL_REP_FIELD_OF[String(err.details.field ?? '')]
    )
    if (!r) return false
    return runInAction(() => {
      if (r.ok) {
        host.choosingMethod = false
        this.legalRep.reset()
        host.setApp(r.value)
        return true
      }
      if (r.field) host.error = null
      return false
    })
  }

  /** The letter template (text for the page, PDF bytes for download). */
  async loadTemplate(): Promise<LetterTemplate | null> {
    if (this.template) return this.template
    const host = this.host
    const id = host.applicationId as string
    const r = await host.call((session) => host.service.getLetterTemplate({ session, applicationId: id }))
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
    const host = this.host
    const id = host.applicationId as string
    const uploaded = await host.uploads.uploadFile('LETTER', file)
    if (!uploaded) return false
    const r = await host.call((session) => host.service.submitAuthorizationLetter({ session, applicationId: id, fileId: uploaded.fileId }))
    if (r.ok) {
      runInAction(() => {
        host.choosingMethod = false
        host.setApp(r.value)
      })
    }
    return r.ok
  }

  /** The sandbox's demo signed letter. */
  async useSampleLetter(): Promise<boolean> {
    const dev = this.host.devTools
    if (!dev) return false
    return this.submitLetter({ name: '授权书（演示）.png', bytes: dev.licenseSampleImage('LETTER') })
  }

  async sendSelfCode(): Promise<boolean> {
    const host = this.host
    host.refreshClock()
    if (this.selfSms.resendIn > 0) return false
    const id = host.applicationId as string
    // No SMS_TOO_FREQUENT hold here (as before): the refusal shows as the code's message.
    const r = await this.selfSms.send(async () => {
      const c = await host.call((session) => host.service.sendLegalRepCode({ session, applicationId: id }))
      if (!c.ok) throw c.error
      return c.value
    }, false)
    runInAction(() => {
      if (!r.ok && r.error) {
        this.selfSms.fail(r.error.message)
        host.error = null
      }
    })
    return r.ok
  }

  async confirmSelf(): Promise<boolean> {
    const host = this.host
    const code = validateSmsCode(this.selfSms.code)
    if (!code.ok) {
      this.selfSms.fail(code.message)
      return false
    }
    const id = host.applicationId as string
    const r = await host.call((session) => host.service.confirmLegalRepAuthorization({ session, applicationId: id, smsCode: code.value }))
    if (!r.ok) {
      runInAction(() => {
        this.selfSms.fail(r.error.message)
        host.error = null
      })
      return false
    }
    await host.refresh()
    this.selfSms.clear()
    return true
  }

  reset(): void {
    this.legalRep.reset()
    this.method = null
    this.template = null
    this.selfSms.clear()
  }
}
