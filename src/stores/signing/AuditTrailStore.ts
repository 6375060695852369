import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { AuditTrail, DocumentVerification } from '@/services/types'
import type { SigningCore } from './SigningCore'

/** 合同详情: the audit trail and 验证文件完整性 (the backend recomputes the document hash). */
export class AuditTrailStore {
  audit: AuditTrail | null = null
  auditError: string | null = null
  auditLoading = false
  verification: DocumentVerification | null = null
  verifyBusy = false
  verifyError: string | null = null

  constructor(private readonly core: SigningCore) {
    makeAutoObservable<AuditTrailStore, 'core'>(this, { core: false }, { autoBind: true })
  }

  reset(): void {
    this.audit = null
    this.auditError = null
    this.verification = null
    this.verifyError = null
  }

  async loadAudit(): Promise<void> {
    const token = this.core.token
    const flowId = this.core.flowId
    if (!token || !flowId) return
    this.auditLoading = true
    try {
      const audit = await this.core.service.getAuditTrail({ session: token, flowId })
      runInAction(() => {
        this.audit = audit
        this.auditError = null
        this.auditLoading = false
      })
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.auditError = err.message
        this.auditLoading = false
      })
    }
  }

  /** 验证文件完整性: the backend recomputes the document hash from the stored content. */
  async verifyDocument(): Promise<boolean> {
    const token = this.core.token
    const flowId = this.core.flowId
    if (!token || !flowId || this.verifyBusy) return false
    this.verifyBusy = true
    this.verifyError = null
    try {
      const v = await this.core.service.verifyDocument({ session: token, flowId })
      runInAction(() => {
        this.verification = v
        this.verifyBusy = false
      })
      return v.match
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.verifyError = err.message
        this.verifyBusy = false
      })
      return false
    }
  }
}
