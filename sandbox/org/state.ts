/**
 * The org module's context: its slice, the enterprises activated by the enterprise module
 * (read from that module's slice, never written), the caller's membership and the views.
 */
import { ID_ALPHABET } from '@/domain/entryLink'
import { randomString } from '@/domain/random'
import { ServiceError } from '@/services/errors'
import { SEAL_TYPE_LABELS, type OrgMemberView, type OrgSealView, type OrgSummary, type OrgView } from '@/services/types'
import { requireString } from '../core/input'
import type { SandboxKernel } from '../core/kernel'
import type { SessionRecord } from '../core/state'
import type { EnterpriseSlice } from '../enterprise/model'
import { ORG_SLICE, orgMember, type OrgMemberRecord, type OrgRecord, type OrgSealRecord, type OrgSlice } from './lookup'

/** The module's limits (docs/org.md). */
export const ORG_RULES = {
  /** One seal of each type: one 公章, one 合同专用章, … */
  MAX_PER_TYPE: 1
} as const

export const SEAL_RED = '#d0021b'

export type OrgStateContext = { k: SandboxKernel }

export function orgState(c: OrgStateContext) {
  const { k } = c

  const slice = (): OrgSlice => {
    const s = k.module<OrgSlice>(ORG_SLICE, () => ({ orgs: {} }))
    s.orgs ??= {}
    return s
  }

  /**
   * Makes a record for every enterprise the enterprise module activated: its registered name and
   * its super administrator as the first member. True when something was added.
   */
  function sync(t: number): boolean {
    const ent = k.state().modules.enterprise as EnterpriseSlice | undefined
    if (!ent || !ent.activated) return false
    const s = slice()
    let changed = false
    for (const [creditCode, appId] of Object.entries(ent.activated)) {
      if (s.orgs[creditCode]) continue
      const app = ent.applications?.[appId]
      if (!app || !app.license || !app.admin) continue
      // the administrator's record: name, masked forms, ID and mobile hashes
      const a = app.admin
      s.orgs[creditCode] = {
        creditCode,
        name: app.license.name,
        applicationId: appId,
        activatedAt: app.activatedAt ?? t,
        members: [{ ...a, memberId: newId('M', () => false), role: 'SUPER_ADMIN', addedAt: app.activatedAt ?? t }],
        seals: []
      }
      changed = true
    }
    return changed
  }

  function newId(prefix: string, taken: (id: string) => boolean): string {
    for (;;) {
      const id = `${prefix}${randomString(k.rng(), 8, ID_ALPHABET)}`
      if (!taken(id)) return id
    }
  }

  function orgOf(creditCode: string): OrgRecord {
    const org = slice().orgs[creditCode]
    if (!org) throw new ServiceError('ORG_NOT_FOUND', '企业不存在或尚未完成企业认证', { creditCode })
    return org
  }

  /** The enterprise and the caller's membership; FORBIDDEN for someone outside it. */
  function requireOrg(o: Record<string, unknown>, session: SessionRecord): { org: OrgRecord; me: OrgMemberRecord } {
    const org = orgOf(requireString(o, 'creditCode', '缺少企业统一社会信用代码').toUpperCase())
    const me = orgMember(org, session.idHash)
    if (!me) throw new ServiceError('FORBIDDEN', '您不是该企业的成员，无权查看企业管理', { creditCode: org.creditCode })
    return { org, me }
  }

  /** As requireOrg, for the super administrator only. */
  function requireAdmin(o: Record<string, unknown>, session: SessionRecord, what: string): { org: OrgRecord; me: OrgMemberRecord } {
    const r = requireOrg(o, session)
    if (r.me.role !== 'SUPER_ADMIN') throw new ServiceError('ORG_NOT_ADMIN', `只有企业超级管理员可以${what}`, { creditCode: r.org.creditCode })
    return r
  }

  function requireSeal(org: OrgRecord, o: Record<string, unknown>): OrgSealRecord {
    const id = typeof o.sealId === 'string' ? o.sealId : ''
    const seal = org.seals.find((s) => s.sealId === id)
    if (!seal) throw new ServiceError('ORG_SEAL_NOT_FOUND', '印章不存在，请刷新后重试', { sealId: id })
    return seal
  }

  function requireMember(org: OrgRecord, o: Record<string, unknown> | undefined): OrgMemberRecord {
    const id = typeof o?.memberId === 'string' ? o.memberId : ''
    const m = org.members.find((x) => x.memberId === id)
    if (!m) throw new ServiceError('ORG_MEMBER_NOT_FOUND', '该成员不存在，请刷新后重试', { memberId: id })
    return m
  }

  function sealView({ text, purpose, grants, ...s }: OrgSealRecord): OrgSealView {
    return { ...s, typeLabel: SEAL_TYPE_LABELS[s.sealType], spec: { text, purpose, color: SEAL_RED }, authorised: grants.slice() }
  }

  function memberView({ memberId, role, addedAt, maskedName, maskedId, maskedMobile }: OrgMemberRecord, me: OrgMemberRecord): OrgMemberView {
    return { memberId, role, addedAt, maskedName, maskedId, maskedMobile, isMe: memberId === me.memberId }
  }

  function view(org: OrgRecord, me: OrgMemberRecord): OrgView {
    return {
      creditCode: org.creditCode,
      name: org.name,
      activatedAt: org.activatedAt,
      myRole: me.role,
      members: org.members.map((m) => memberView(m, me)),
      seals: org.seals.map(sealView)
    }
  }

  function summary({ creditCode, name, activatedAt, members, seals }: OrgRecord, me: OrgMemberRecord): OrgSummary {
    return { creditCode, name, activatedAt, myRole: me.role, memberCount: members.length, sealCount: seals.length }
  }

  return { slice, sync, newId, orgOf, requireOrg, requireAdmin, requireSeal, requireMember, view, summary }
}
