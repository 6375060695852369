/**
 * The org module's operations: an activated enterprise's members and seals, for its members;
 * changes by its super administrator only.
 */
import { maskMobile, maskName, maskResidentId, validateMobile, validatePersonName, validateResidentId } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import { SEAL_TYPE_LABELS, type OrgOperations, type OrgSummary, type OrgView, type SealType } from '@/services/types'
import { registryEntry } from '../core/demoData'
import { hashId, hashMobile } from '../core/hash'
import { checkValid, inputObject, invalid } from '../core/input'
import type { SandboxKernel } from '../core/kernel'
import { orgMember, type OrgRecord, type OrgSealRecord } from './lookup'
import { ORG_RULES, type orgState } from './state'

export type OrgOpsContext = { k: SandboxKernel } & ReturnType<typeof orgState>

const SEAL_TYPES = Object.keys(SEAL_TYPE_LABELS) as SealType[]

export function orgOps(c: OrgOpsContext): OrgOperations {
  const { k, slice, sync, newId, requireOrg, requireAdmin, requireSeal, requireMember, view, summary } = c

  /** The super administrator changes one seal (`change` says whether it changed anything). */
  function sealChange(
    op: 'setOrgSealEnabled' | 'grantOrgSeal' | 'revokeOrgSeal',
    input: unknown,
    what: string,
    change: (o: Record<string, unknown>, seal: OrgSealRecord, org: OrgRecord) => boolean
  ): Promise<OrgView> {
    return run(op, (t, touch): OrgView => {
      const o = inputObject(input)
      const { org, me } = requireAdmin(o, k.requireSession(o, t), what)
      if (change(o, requireSeal(org, o), org)) touch()
      return view(org, me)
    })
  }

  /** An operation on the enterprises as they are now (new activations recorded first). */
  function run<T>(op: keyof OrgOperations, body: (t: number, touch: () => void) => T): Promise<T> {
    return k.run(op, ({ t, touch }) => {
      if (sync(t)) touch()
      return body(t, touch)
    })
  }

  return {
    listMyOrgs(input) {
      return run('listMyOrgs', (t): OrgSummary[] => {
        const session = k.requireSession(inputObject(input), t)
        return Object.values(slice().orgs).flatMap((org) => {
          const me = orgMember(org, session.idHash)
          return me ? [summary(org, me)] : []
        })
      })
    },

    getOrg(input) {
      return run('getOrg', (t): OrgView => {
        const o = inputObject(input)
        const { org, me } = requireOrg(o, k.requireSession(o, t))
        return view(org, me)
      })
    },

    addOrgMember(input) {
      return run('addOrgMember', (t, touch): OrgView => {
        const o = inputObject(input)
        const { org, me } = requireAdmin(o, k.requireSession(o, t), '添加企业成员')
        const m = o.member && typeof o.member === 'object' ? (o.member as Record<string, unknown>) : {}
        const str = (f: string) => (typeof m[f] === 'string' ? (m[f] as string) : '')
        const name = checkValid('name', validatePersonName(str('name')))
        const id = checkValid('idNumber', validateResidentId(str('idNumber'), t)).id
        const mobile = checkValid('mobile', validateMobile(str('mobile')))
        // The registry, as real-name verification checks it: a known ID must carry its name.
        const entry = registryEntry(id)
        if (entry && entry.name !== name) {
          throw new ServiceError('REGISTRY_MISMATCH', '姓名与身份证号不一致，请核对后重试', { field: 'name' })
        }
        const idHash = hashId(id)
        const existing = orgMember(org, idHash)
        if (existing) throw new ServiceError('ORG_MEMBER_EXISTS', `${existing.maskedName}已是企业成员，无需重复添加`, { memberId: existing.memberId })
        org.members.push({
          memberId: newId('M', (x) => org.members.some((y) => y.memberId === x)),
          role: 'EMPLOYEE',
          name,
          maskedName: maskName(name),
          idHash,
          maskedId: maskResidentId(id),
          mobileHash: hashMobile(mobile),
          maskedMobile: maskMobile(mobile),
          addedAt: t
        })
        touch()
        return view(org, me)
      })
    },

    createOrgSeal(input) {
      return run('createOrgSeal', (t, touch): OrgView => {
        const o = inputObject(input)
        const { org, me } = requireAdmin(o, k.requireSession(o, t), '创建印章')
        const sealType = o.sealType as SealType
        if (!SEAL_TYPES.includes(sealType)) throw invalid('sealType', '请选择印章类型')
        const same = org.seals.filter((s) => s.sealType === sealType).length
        if (same >= ORG_RULES.MAX_PER_TYPE) {
          const message = sealType === 'OFFICIAL' ? '企业只能有一枚公章，已有公章不能重复创建' : `企业已有${SEAL_TYPE_LABELS[sealType]}，每类专用章只能创建一枚`
          throw new ServiceError('ORG_SEAL_LIMIT', message, { sealType, limit: ORG_RULES.MAX_PER_TYPE })
        }
        org.seals.push({
          sealId: newId('ORG-', (x) => org.seals.some((y) => y.sealId === x)),
          sealType,
          text: org.name,
          purpose: sealType === 'OFFICIAL' ? '' : SEAL_TYPE_LABELS[sealType],
          enabled: true,
          createdAt: t,
          grants: []
        })
        touch()
        return view(org, me)
      })
    },

    setOrgSealEnabled(input) {
      return sealChange('setOrgSealEnabled', input, '启用或停用印章', (o, seal) => {
        if (typeof o.enabled !== 'boolean') throw invalid('enabled', '请选择启用或停用')
        if (seal.enabled === o.enabled) return false
        seal.enabled = o.enabled
        return true
      })
    },

    grantOrgSeal(input) {
      return sealChange('grantOrgSeal', input, '授权印章', (o, seal, org) => {
        const m = requireMember(org, o).memberId
        if (seal.grants.includes(m)) return false
        seal.grants.push(m)
        return true
      })
    },

    revokeOrgSeal(input) {
      return sealChange('revokeOrgSeal', input, '撤销印章授权', (o, seal, org) => {
        const m = requireMember(org, o).memberId
        const before = seal.grants.length
        seal.grants = seal.grants.filter((x) => x !== m)
        return seal.grants.length !== before
      })
    }
  }
}
