import { makeAutoObservable, runInAction } from 'mobx'
import { validateMobile, validatePersonName, validateResidentId } from '@/domain/identity'
import { toServiceError, type ServiceError } from '@/services/errors'
import { SEAL_TYPE_LABELS, type InkSealService, type OrgSealView, type OrgSummary, type OrgView, type SealType } from '@/services/types'
import { FormState } from './form'
import type { SessionStore } from './SessionStore'

export type MemberField = 'name' | 'idNumber' | 'mobile'
const MEMBER_FIELDS: readonly MemberField[] = ['name', 'idNumber', 'mobile']

export const SEAL_TYPES = Object.keys(SEAL_TYPE_LABELS) as SealType[]

/**
 * 企业管理 (packages/org): the enterprises the verified person belongs to, one of them open, and
 * the super administrator's changes (seals, members, authorisations). Every change answers with
 * the whole enterprise (OrgView), which replaces `org`; a refusal keeps what was typed or chosen.
 */
export class OrgStore {
  orgs: OrgSummary[] = []
  loaded = false
  loading = false
  listError: string | null = null
  org: OrgView | null = null
  orgError: string | null = null
  busy = false
  /** The create-seal form */
  sealType: SealType | null = null
  sealError: string | null = null
  /** The add-member form (the full ID and mobile live only here, cleared once added) */
  readonly member: FormState<MemberField>
  memberError: string | null = null
  /** The last change's refusal on the seal detail page */
  actionError: string | null = null
  /** A short confirmation of the last change */
  notice: string | null = null

  constructor(
    private readonly service: InkSealService,
    private readonly session: SessionStore,
    private readonly now: () => number
  ) {
    this.member = new FormState<MemberField>(
      MEMBER_FIELDS,
      () => ({ name: '', idNumber: '', mobile: '' }),
      (v) => ({
        name: msg(validatePersonName(v.name)),
        idNumber: msg(validateResidentId(v.idNumber, this.now())),
        mobile: msg(validateMobile(v.mobile))
      })
    )
    makeAutoObservable<OrgStore, 'service' | 'session' | 'now'>(this, { service: false, session: false, now: false })
  }

  get isAdmin(): boolean {
    return this.org?.myRole === 'SUPER_ADMIN'
  }

  /** Enterprises where the person is the super administrator (the home page's 企业管理 button). */
  get adminOrgs(): OrgSummary[] {
    return this.orgs.filter((o) => o.myRole === 'SUPER_ADMIN')
  }

  /** Seal types not made yet (one of each). */
  get creatableTypes(): SealType[] {
    const have = new Set((this.org?.seals ?? []).map((s) => s.sealType))
    return SEAL_TYPES.filter((t) => !have.has(t))
  }

  seal(sealId: string): OrgSealView | null {
    return this.org?.seals.find((s) => s.sealId === sealId) ?? null
  }

  memberName(memberId: string): string {
    return this.org?.members.find((m) => m.memberId === memberId)?.maskedName ?? '（已移除的成员）'
  }

  private token(): string | null {
    return this.session.active?.token ?? null
  }

  async load(): Promise<void> {
    const session = this.token()
    if (!session) {
      this.orgs = []
      this.loaded = true
      return
    }
    this.loading = true
    try {
      const orgs = await this.service.listMyOrgs({ session })
      runInAction(() => {
        this.orgs = orgs
        this.loaded = true
        this.listError = null
      })
    } catch (e) {
      runInAction(() => (this.listError = toServiceError(e).message))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  async open(creditCode: string): Promise<void> {
    const session = this.token()
    if (!session) return
    if (this.org?.creditCode !== creditCode) this.org = null
    try {
      const org = await this.service.getOrg({ session, creditCode })
      runInAction(() => {
        this.org = org
        this.orgError = null
      })
    } catch (e) {
      runInAction(() => (this.orgError = toServiceError(e).message))
    }
  }

  /** Runs a change; its view replaces `org`. The refusal, or null. */
  private async change(call: (session: string, creditCode: string) => Promise<OrgView>, done: string): Promise<ServiceError | null> {
    const session = this.token()
    const org = this.org
    if (!session || !org || this.busy) return null
    this.busy = true
    this.notice = null
    try {
      const next = await call(session, org.creditCode)
      runInAction(() => {
        this.org = next
        this.notice = done
      })
      return null
    } catch (e) {
      return toServiceError(e)
    } finally {
      runInAction(() => (this.busy = false))
    }
  }

  chooseSealType(t: SealType): void {
    this.sealType = t
    this.sealError = null
  }

  /** Creates the chosen seal; true when made (the choice stays on a refusal). */
  async createSeal(): Promise<boolean> {
    const sealType = this.sealType
    if (!sealType) {
      this.sealError = '请选择印章类型'
      return false
    }
    const err = await this.change((session, creditCode) => this.service.createOrgSeal({ session, creditCode, sealType }), `已创建${SEAL_TYPE_LABELS[sealType]}`)
    runInAction(() => {
      this.sealError = err ? err.message : null
      if (!err) this.sealType = null
    })
    return !err
  }

  /** Adds the member typed in; true when added (the form is then emptied, else kept). */
  async addMember(): Promise<boolean> {
    this.memberError = null
    const r = await this.member.submit(async (v) => {
      const err = await this.change(
        (session, creditCode) =>
          this.service.addOrgMember({ session, creditCode, member: { name: v.name.trim(), idNumber: v.idNumber.trim(), mobile: v.mobile.trim() } }),
        '已添加成员'
      )
      return err ? { ok: false as const, error: err } : { ok: true as const, value: true }
    }, fieldOfMemberError)
    if (!r) return false
    runInAction(() => {
      if (r.ok) this.member.reset()
      else if (!r.field) this.memberError = r.error.message
    })
    return r.ok
  }

  async setEnabled(sealId: string, enabled: boolean): Promise<void> {
    const err = await this.change(
      (session, creditCode) => this.service.setOrgSealEnabled({ session, creditCode, sealId, enabled }),
      enabled ? '印章已启用' : '印章已停用'
    )
    runInAction(() => (this.actionError = err ? err.message : null))
  }

  async grant(sealId: string, memberId: string): Promise<void> {
    const err = await this.change((session, creditCode) => this.service.grantOrgSeal({ session, creditCode, sealId, memberId }), '已授权')
    runInAction(() => (this.actionError = err ? err.message : null))
  }

  async revoke(sealId: string, memberId: string): Promise<void> {
    const err = await this.change((session, creditCode) => this.service.revokeOrgSeal({ session, creditCode, sealId, memberId }), '已撤销授权')
    runInAction(() => (this.actionError = err ? err.message : null))
  }

  /** Forgets everything (sign-out). */
  clear(): void {
    this.orgs = []
    this.loaded = false
    this.org = null
    this.member.reset()
    this.sealType = null
    this.notice = null
  }
}

function msg(v: { ok: true } | { ok: false; message: string }): string | null {
  return v.ok ? null : v.message
}

/** The field a refusal of addOrgMember belongs under. */
function fieldOfMemberError(err: ServiceError): MemberField | null {
  if (err.code === 'REGISTRY_MISMATCH') return 'name'
  const f = err.details.field
  return f === 'name' || f === 'idNumber' || f === 'mobile' ? f : null
}
