/**
 * Demo data of the sandbox. Every person, number and company here is fictional; the resident
 * ID numbers carry valid GB 11643 check characters, the credit codes valid GB 32100 ones.
 *
 * The registry (people and enterprises) lives only in these code constants and is never
 * persisted; the persisted sandbox state holds hashes and masked forms instead.
 */
import type { FlowKind, PartyType } from '@/services/types'
import { DEMO_FLOWS, DEMO_PEOPLE, DEMO_PERSON_KEYS, type DemoEnterpriseKey, type DemoFlowKey, type DemoPerson, type DemoPersonKey } from './demoPeople'

export * from './demoPeople'

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

/** A demo signer: who the initiator designated (by person), for which party. */
export interface DemoSignerSpec {
  person: DemoPersonKey
  order: number
  partyType: PartyType
  enterprise: DemoEnterpriseKey | null
  roleLabel: string
  /** Signed this long after the flow was created (ms), or not signed */
  signedAfter?: number
}

export interface DemoFlowSpec {
  key: DemoFlowKey
  flowId: string
  title: string
  kind: FlowKind
  /** The initiating enterprise or person */
  initiator: { enterprise: DemoEnterpriseKey } | { person: DemoPersonKey } | { enterpriseName: string }
  meetingName: string | null
  /** Created this long before seeding (ms) */
  createdAgo: number
  /** Deadline relative to seeding (ms; negative = already passed) */
  deadlineIn: number
  /** Cancelled this long before seeding, with this reason */
  cancelled?: { ago: number; reason: string }
  pageCount: number
  signers: DemoSignerSpec[]
}

export const DEMO_FLOW_SPECS: readonly DemoFlowSpec[] = [
  {
    key: 'PERSONAL',
    flowId: DEMO_FLOWS.PERSONAL,
    title: '房屋租赁合同',
    kind: 'PERSONAL',
    initiator: { person: 'ZHANG_SAN' },
    meetingName: null,
    createdAgo: 1 * DAY,
    deadlineIn: 7 * DAY,
    pageCount: 6,
    signers: [
      { person: 'ZHANG_SAN', order: 1, partyType: 'PERSON', enterprise: null, roleLabel: '出租方' },
      { person: 'LI_SI', order: 1, partyType: 'PERSON', enterprise: null, roleLabel: '承租方' }
    ]
  },
  {
    key: 'ENTERPRISE_PERSONAL',
    flowId: DEMO_FLOWS.ENTERPRISE_PERSONAL,
    title: '劳动合同',
    kind: 'ENTERPRISE_PERSONAL',
    initiator: { enterprise: 'YUNQIAN' },
    meetingName: null,
    createdAgo: 2 * DAY,
    deadlineIn: 5 * DAY,
    pageCount: 8,
    signers: [
      { person: 'CHEN_CHEN', order: 1, partyType: 'PERSON', enterprise: null, roleLabel: '个人' },
      { person: 'WANG_FANG', order: 2, partyType: 'ENTERPRISE', enterprise: 'YUNQIAN', roleLabel: '经办人' }
    ]
  },
  {
    key: 'STRATEGIC',
    flowId: DEMO_FLOWS.STRATEGIC,
    title: '战略合作框架协议',
    kind: 'STRATEGIC',
    initiator: { enterprise: 'XINGHE' },
    meetingName: '2026 数字经济战略签约仪式',
    createdAgo: 3 * HOUR,
    deadlineIn: 3 * DAY,
    pageCount: 12,
    signers: [
      { person: 'LIU_YANG', order: 1, partyType: 'ENTERPRISE', enterprise: 'XINGHE', roleLabel: '法定代表人' },
      { person: 'ZHAO_MIN', order: 1, partyType: 'ENTERPRISE', enterprise: 'XINGHE', roleLabel: '经办人' },
      { person: 'SUN_LEI', order: 1, partyType: 'ENTERPRISE', enterprise: 'HAINA', roleLabel: '法定代表人' },
      { person: 'ZHOU_TING', order: 1, partyType: 'ENTERPRISE', enterprise: 'HAINA', roleLabel: '经办人' }
    ]
  },
  {
    key: 'STRATEGIC_LAB',
    flowId: DEMO_FLOWS.STRATEGIC_LAB,
    title: '联合创新实验室共建协议',
    kind: 'STRATEGIC',
    initiator: { enterprise: 'HAINA' },
    meetingName: '2026 数字经济战略签约仪式',
    createdAgo: 3 * HOUR,
    deadlineIn: 3 * DAY,
    pageCount: 8,
    signers: [
      { person: 'SUN_LEI', order: 1, partyType: 'ENTERPRISE', enterprise: 'HAINA', roleLabel: '法定代表人' },
      { person: 'LIU_YANG', order: 1, partyType: 'ENTERPRISE', enterprise: 'XINGHE', roleLabel: '法定代表人' }
    ]
  },
  {
    key: 'EXPIRED',
    flowId: DEMO_FLOWS.EXPIRED,
    title: '设备采购合同',
    kind: 'ENTERPRISE_PERSONAL',
    initiator: { enterpriseName: '北京中关村智造设备有限公司' },
    meetingName: null,
    createdAgo: 15 * DAY,
    deadlineIn: -1 * DAY,
    pageCount: 4,
    signers: [{ person: 'ZHANG_SAN', order: 1, partyType: 'PERSON', enterprise: null, roleLabel: '买方' }]
  },
  {
    key: 'CANCELLED',
    flowId: DEMO_FLOWS.CANCELLED,
    title: '保密协议',
    kind: 'ENTERPRISE_PERSONAL',
    initiator: { enterprise: 'YUNQIAN' },
    meetingName: null,
    createdAgo: 5 * DAY,
    deadlineIn: 9 * DAY,
    cancelled: { ago: 2 * DAY, reason: '发起方已撤销：合同条款需修改' },
    pageCount: 3,
    signers: [{ person: 'ZHANG_SAN', order: 1, partyType: 'PERSON', enterprise: null, roleLabel: '保密义务人' }]
  },
  {
    key: 'COMPLETED',
    flowId: DEMO_FLOWS.COMPLETED,
    title: '借款合同',
    kind: 'PERSONAL',
    initiator: { person: 'LI_SI' },
    meetingName: null,
    createdAgo: 20 * DAY,
    deadlineIn: -13 * DAY,
    pageCount: 5,
    signers: [
      { person: 'ZHANG_SAN', order: 1, partyType: 'PERSON', enterprise: null, roleLabel: '借款人', signedAfter: 2 * HOUR },
      { person: 'LI_SI', order: 1, partyType: 'PERSON', enterprise: null, roleLabel: '出借人', signedAfter: 1 * DAY }
    ]
  },
  {
    key: 'LONG_LEASE',
    flowId: DEMO_FLOWS.LONG_LEASE,
    title: '设备租赁及维护服务总协议',
    kind: 'ENTERPRISE_PERSONAL',
    initiator: { enterpriseName: '北京中关村智造设备有限公司' },
    meetingName: null,
    createdAgo: 6 * HOUR,
    deadlineIn: 10 * DAY,
    pageCount: 200,
    signers: [{ person: 'ZHANG_SAN', order: 1, partyType: 'PERSON', enterprise: null, roleLabel: '承租方' }]
  }
]

export type DemoLinkKey = DemoFlowKey | 'EXPIRED_LINK'

export interface DemoLinkSpec {
  key: DemoLinkKey
  flowId: string
  label: string
  description: string
  hint: string
  /** Link validity relative to seeding (ms; negative = already expired) */
  expiresIn: number
}

/** Demo links stay valid for 30 days after seeding. */
export const DEMO_LINK_VALIDITY_MS = 30 * DAY

export const DEMO_LINK_SPECS: readonly DemoLinkSpec[] = [
  {
    key: 'PERSONAL',
    flowId: DEMO_FLOWS.PERSONAL,
    label: '房屋租赁合同（个人 · 签署中）',
    description: '两位个人签署方：出租方张三、承租方李四，7天内完成签署',
    hint: '用“张三”或“李四”验证身份后可加入签署',
    expiresIn: DEMO_LINK_VALIDITY_MS
  },
  {
    key: 'ENTERPRISE_PERSONAL',
    flowId: DEMO_FLOWS.ENTERPRISE_PERSONAL,
    label: '劳动合同（企业与个人 · 签署中）',
    description: '深圳前海云签科技有限公司与新员工陈晨签订劳动合同，企业由人事王芳经办',
    hint: '用“陈晨”（个人）或“王芳”（企业经办人）验证身份',
    expiresIn: DEMO_LINK_VALIDITY_MS
  },
  {
    key: 'STRATEGIC',
    flowId: DEMO_FLOWS.STRATEGIC,
    label: '战略合作框架协议（会中签约）',
    description: '2026 数字经济战略签约仪式：杭州星河与上海海纳，两家企业共四位签署人',
    hint: '用“刘洋”“赵敏”“孙磊”或“周婷”验证身份；用“吴昊”可看到“不是签署人”的提示',
    expiresIn: DEMO_LINK_VALIDITY_MS
  },
  {
    key: 'STRATEGIC_LAB',
    flowId: DEMO_FLOWS.STRATEGIC_LAB,
    label: '联合创新实验室共建协议（会中签约）',
    description: '同一签约仪式的第二份协议：上海海纳与杭州星河的法定代表人签署',
    hint: '用“孙磊”或“刘洋”验证身份',
    expiresIn: DEMO_LINK_VALIDITY_MS
  },
  {
    key: 'EXPIRED',
    flowId: DEMO_FLOWS.EXPIRED,
    label: '设备采购合同（已过截止时间）',
    description: '签署截止时间已于昨天过去，合同只能查看',
    hint: '用“张三”验证身份后可查看',
    expiresIn: DEMO_LINK_VALIDITY_MS
  },
  {
    key: 'CANCELLED',
    flowId: DEMO_FLOWS.CANCELLED,
    label: '保密协议（已撤销）',
    description: '发起方已撤销该合同：合同条款需修改',
    hint: '用“张三”验证身份后可查看',
    expiresIn: DEMO_LINK_VALIDITY_MS
  },
  {
    key: 'COMPLETED',
    flowId: DEMO_FLOWS.COMPLETED,
    label: '借款合同（已完成）',
    description: '张三与李四均已签署完成',
    hint: '用“张三”或“李四”验证身份后可查看',
    expiresIn: DEMO_LINK_VALIDITY_MS
  },
  {
    key: 'EXPIRED_LINK',
    flowId: DEMO_FLOWS.PERSONAL,
    label: '已过期的签署码',
    description: '房屋租赁合同的另一条签署链接，已于1小时前过期（合同本身仍在签署中）',
    hint: '任何身份都会看到“签署码已过期”；请改用有效的房屋租赁合同链接（张三/李四）',
    expiresIn: -1 * HOUR
  },
  {
    key: 'LONG_LEASE',
    flowId: DEMO_FLOWS.LONG_LEASE,
    label: '设备租赁及维护服务总协议（200页 · 签署中）',
    description: '200页长合同：首页、第100页和末页有张三的签署区，须阅读至末页',
    hint: '用“张三”验证身份后可加入签署',
    expiresIn: DEMO_LINK_VALIDITY_MS
  }
]

/** The registry of people, keyed by resident ID: the name the registry holds, and flags. */
export function registryEntry(idNumber: string): { name: string; faceFails: boolean; person: DemoPerson } | null {
  for (const key of DEMO_PERSON_KEYS) {
    const p = DEMO_PEOPLE[key]
    if (p.idNumber === idNumber) return { name: p.registryName ?? p.name, faceFails: !!p.faceFails, person: p }
  }
  return null
}
