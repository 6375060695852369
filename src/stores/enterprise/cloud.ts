import { makeAutoObservable, runInAction } from 'mobx'
import { validateSmsCode } from '@/domain/identity'
import type { CloudEnterpriseInfo } from '@/services/types'
import type { EnterpriseStore } from '@/stores/EnterpriseStore'
import { SmsCode } from '@/stores/smsCode'

/**
 * 腾讯云企业快速认证: asks the backend what the operator's cloud account holds, shows it, and
 * confirms it with the code sent to the operator's own mobile (the operator becomes the super
 * administrator). Refusals (no cloud enterprise, a renamed one, already verified) show as
 * `error`, and the licence path stays open.
 */
export class CloudUnit {
  info: CloudEnterpriseInfo | null = null
  error: string | null = null
  looking = false
  readonly sms: SmsCode

  constructor(private readonly host: EnterpriseStore) {
    this.sms = new SmsCode(host.time)
    makeAutoObservable<CloudUnit, 'host'>(this, { host: false, sms: false })
  }

  async lookup(): Promise<boolean> {
    const host = this.host
    const id = host.applicationId as string
    this.looking = true
    this.error = null
    const r = await host.call((session) => host.service.lookupCloudEnterprise({ session, applicationId: id }))
    runInAction(() => {
      this.looking = false
      if (r.ok) this.info = r.value
      else {
        this.info = null
        this.error = r.error.message
        host.error = null
      }
    })
    return r.ok
  }

  async sendCode(): Promise<boolean> {
    const host = this.host
    const id = host.applicationId as string
    const r = await this.sms.send(async () => {
      const c = await host.call((session) => host.service.sendAdminCode({ session, applicationId: id }))
      if (!c.ok) throw c.error
      return c.value
    })
    runInAction(() => {
      if (!r.ok && r.error) {
        this.sms.fail(r.error.message)
        host.error = null
      }
    })
    return r.ok
  }

  async confirm(): Promise<boolean> {
    const host = this.host
    const info = this.info
    if (!info) return false
    if (!this.sms.ticket) {
      this.sms.fail('请先获取短信验证码')
      return false
    }
    const code = validateSmsCode(this.sms.code)
    if (!code.ok) {
      this.sms.fail(code.message)
      return false
    }
    const id = host.applicationId as string
    const r = await host.call((session) =>
      host.service.confirmCloudEnterprise({ session, applicationId: id, creditCode: info.creditCode, enterpriseName: info.enterpriseName, smsCode: code.value })
    )
    return runInAction(() => {
      if (r.ok) {
        this.reset()
        host.setApp(r.value)
        return true
      }
      if (r.error.code.startsWith('SMS_') || r.error.details.field === 'smsCode') this.sms.fail(r.error.message)
      else this.error = r.error.message
      host.error = null
      return false
    })
  }

  reset(): void {
    this.info = null
    this.error = null
    this.sms.clear()
  }
}
