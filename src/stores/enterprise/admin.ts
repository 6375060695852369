import { makeAutoObservable, runInAction } from 'mobx'
import { validateMobile, validatePersonName, validateResidentId, validateSmsCode } from '@/domain/identity'
import type { PersonInput } from '@/services/types'
import type { EnterpriseStore } from '@/stores/EnterpriseStore'
import { FormState } from '@/stores/form'
import { SmsCode } from '@/stores/smsCode'
import { personChecks, PERSON_FIELDS, type PersonField } from './core'

const blankPerson = (): Record<PersonField, string> => ({ name: '', idNumber: '', mobile: '' })

/**
 * The super administrator: name, resident ID and mobile (checked by the backend against the ID
 * registry), confirmed with the code sent to the administrator's own mobile; sent once and
 * then wiped. Changing the mobile after a code was sent asks for a new code.
 */
export class AdminUnit {
  readonly form: FormState<PersonField>
  /** The administrator's confirmation code */
  readonly sms: SmsCode
  /** The mobile the last code went to (a code is for that number) */
  private codeFor: string | null = null

  constructor(private readonly host: EnterpriseStore) {
    this.form = new FormState<PersonField>(PERSON_FIELDS, blankPerson, (values) => personChecks(values, host.clock))
    this.sms = new SmsCode(host.time)
    makeAutoObservable<AdminUnit, 'host' | 'codeFor'>(this, { host: false, form: false, sms: false, codeFor: false })
  }

  private person(f: Record<PersonField, string>): PersonInput {
    return {
      name: (validatePersonName(f.name) as { value: string }).value,
      idNumber: (validateResidentId(f.idNumber, this.host.clock) as { value: { id: string } }).value.id,
      mobile: (validateMobile(f.mobile) as { value: string }).value
    }
  }

  /** Checks the form, then asks the backend to send the code (identity mismatches land under their field). */
  async sendCode(): Promise<boolean> {
    const host = this.host
    host.refreshClock()
    if (this.sms.resendIn > 0 && this.codeFor === this.form.values.mobile) return false
    const id = host.applicationId as string
    let sent = false
    const r = await this.form.submit(async (f) => {
      const admin = this.person(f)
      const out = await this.sms.send(async () => {
        const c = await host.call((session) => host.service.sendAdminCode({ session, applicationId: id, admin }))
        if (!c.ok) throw c.error
        return c.value
      })
      sent = out.ok
      if (out.ok) return { ok: true as const, value: out.ticket }
      if (!out.error) return { ok: true as const, value: null }
      return { ok: false as const, error: out.error }
    })
    runInAction(() => {
      if (sent) this.codeFor = this.form.values.mobile
      if (r && !r.ok) {
        if (r.field) host.error = null
        else if (r.error.code.startsWith('SMS_')) {
          this.sms.fail(r.error.message)
          host.error = null
        }
      }
    })
    return sent
  }

  async save(): Promise<boolean> {
    const host = this.host
    host.refreshClock()
    const id = host.applicationId as string
    this.form.touchAll()
    if (!this.form.valid) return false
    if (!this.sms.ticket || this.codeFor !== this.form.values.mobile) {
      this.sms.fail('请先获取超级管理员手机上的短信验证码')
      return false
    }
    const code = validateSmsCode(this.sms.code)
    if (!code.ok) {
      this.sms.fail(code.message)
      return false
    }
    const r = await this.form.submit((f) => {
      const admin = this.person(f)
      return host.call((session) => host.service.setAdministrator({ session, applicationId: id, admin, smsCode: code.value }))
    })
    if (!r) return false
    return runInAction(() => {
      if (r.ok) {
        host.editing = null
        host.choosingMethod = false
        this.reset() // the full numbers leave memory
        host.setApp(r.value)
        return true
      }
      if (r.field) host.error = null
      else if (r.error.code.startsWith('SMS_') || r.error.details.field === 'smsCode') {
        this.sms.fail(r.error.message)
        host.error = null
      }
      return false
    })
  }

  reset(): void {
    this.form.reset()
    this.sms.clear()
    this.codeFor = null
  }
}
