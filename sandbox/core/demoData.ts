/**
 * Demo data of the sandbox. Every person, number and company here is fictional; the resident
 * ID numbers carry valid GB 11643 check characters, the credit codes valid GB 32100 ones.
 *
 * The registry (people and enterprises) lives only in these code constants and is never
 * persisted; the persisted sandbox state holds hashes and masked forms instead.
 */
import type { FlowKind, PartyType } from '@/services/types'

/** Keys of the demo people. */
export type DemoPersonKey =
  | 'ZHANG_SAN'
  | 'LI_SI'
  | 'CHEN_CHEN'
  | 'WANG_FANG'
  | 'LIU_YANG'
  | 'ZHAO_MIN'
  | 'SUN_LEI'
  | 'ZHOU_TING'
  | 'WU_HAO'
  | 'ZHENG_SHUANG'
  | 'QIAN_DUODUO'

export interface DemoPerson {
  key: DemoPersonKey
  /** What a tester types as the name */
  name: string
  idNumber: string
  mobile: string
  /** Short label for the developer panel */
  label: string
  /** Who this person is and what to expect */
  note: string
  /** The name the ID registry holds, when it differs from `name` (registry mismatch case) */
  registryName?: string
  /** Face verification always fails for this person */
  faceFails?: boolean
}

export const DEMO_PEOPLE: Readonly<Record<DemoPersonKey, DemoPerson>> = {
  ZHANG_SAN: {
    key: 'ZHANG_SAN',
    name: '张三',
    idNumber: '110105199003070017',
    mobile: '13810008000',
    label: '张三（个人签署人）',
    note: '房屋租赁合同的出租方；也是已过期、已撤销、已完成示例合同的签署人'
  },
  LI_SI: {
    key: 'LI_SI',
    name: '李四',
    idNumber: '110108199206150032',
    mobile: '13910009000',
    label: '李四（个人签署人）',
    note: '房屋租赁合同的承租方；借款合同（已完成）的出借方'
  },
  CHEN_CHEN: {
    key: 'CHEN_CHEN',
    name: '陈晨',
    idNumber: '44030519980911002X',
    mobile: '15013572468',
    label: '陈晨（劳动合同 · 个人）',
    note: '劳动合同中的个人签署人（新入职员工）'
  },
  WANG_FANG: {
    key: 'WANG_FANG',
    name: '王芳',
    idNumber: '440304198904120049',
    mobile: '13728061234',
    label: '王芳（深圳前海云签 · 人事经办人）',
    note: '深圳前海云签科技有限公司人事，劳动合同中代表企业签署（经办人）'
  },
  LIU_YANG: {
    key: 'LIU_YANG',
    name: '刘洋',
    idNumber: '330106197805230017',
    mobile: '13905710001',
    label: '刘洋（杭州星河 · 法定代表人）',
    note: '杭州星河数字科技有限公司法定代表人，战略合作框架协议签署人'
  },
  ZHAO_MIN: {
    key: 'ZHAO_MIN',
    name: '赵敏',
    idNumber: '33010619910817002X',
    mobile: '18867120002',
    label: '赵敏（杭州星河 · 经办人）',
    note: '杭州星河数字科技有限公司经办人，战略合作框架协议签署人'
  },
  SUN_LEI: {
    key: 'SUN_LEI',
    name: '孙磊',
    idNumber: '31011519750102003X',
    mobile: '13916210003',
    label: '孙磊（上海海纳 · 法定代表人）',
    note: '上海海纳智能制造股份有限公司法定代表人，战略合作框架协议签署人'
  },
  ZHOU_TING: {
    key: 'ZHOU_TING',
    name: '周婷',
    idNumber: '310115199302210067',
    mobile: '18621530004',
    label: '周婷（上海海纳 · 经办人）',
    note: '上海海纳智能制造股份有限公司经办人，战略合作框架协议签署人'
  },
  WU_HAO: {
    key: 'WU_HAO',
    name: '吴昊',
    idNumber: '320106199511090052',
    mobile: '15895040005',
    label: '吴昊（非签署人）',
    note: '身份核验可以通过，但不是任何合同的签署人：用于演示“您不是本合同的签署人”'
  },
  ZHENG_SHUANG: {
    key: 'ZHENG_SHUANG',
    name: '郑爽',
    idNumber: '32010619970418002X',
    mobile: '17751380006',
    label: '郑爽（姓名不一致）',
    note: '身份库中该身份证号登记的姓名为“郑双”：用于演示“姓名与身份证号不一致”',
    registryName: '郑双'
  },
  QIAN_DUODUO: {
    key: 'QIAN_DUODUO',
    name: '钱多多',
    idNumber: '110105198809300040',
    mobile: '18601100007',
    label: '钱多多（人脸核验失败）',
    note: '短信与实名核验可以通过，但人脸比对总是失败：用于演示人脸核验失败',
    faceFails: true
  }
}

export const DEMO_PERSON_KEYS = Object.keys(DEMO_PEOPLE) as DemoPersonKey[]

export type DemoEnterpriseKey = 'YUNQIAN' | 'XINGHE' | 'HAINA'

export interface DemoEnterprise {
  key: DemoEnterpriseKey
  name: string
  /** Unified social credit code (valid check character) */
  creditCode: string
  legalRepresentative: DemoPersonKey
  /** People the enterprise registry lists as employees (may sign for the enterprise) */
  employees: readonly DemoPersonKey[]
}

export const DEMO_ENTERPRISES: Readonly<Record<DemoEnterpriseKey, DemoEnterprise>> = {
  YUNQIAN: {
    key: 'YUNQIAN',
    name: '深圳前海云签科技有限公司',
    creditCode: '91440300MA5G3K7P20',
    legalRepresentative: 'WANG_FANG',
    employees: ['WANG_FANG']
  },
  XINGHE: {
    key: 'XINGHE',
    name: '杭州星河数字科技有限公司',
    creditCode: '91330106MA2H8QXL4C',
    legalRepresentative: 'LIU_YANG',
    employees: ['LIU_YANG', 'ZHAO_MIN']
  },
  HAINA: {
    key: 'HAINA',
    name: '上海海纳智能制造股份有限公司',
    creditCode: '913101156072814C3Y',
    legalRepresentative: 'SUN_LEI',
    employees: ['SUN_LEI', 'ZHOU_TING']
  }
}

/** Fixed flow ids, 8 characters over ID_ALPHABET (no 0, 1, I, O). */
export const DEMO_FLOWS = {
  PERSONAL: 'PERSNL26',
  ENTERPRISE_PERSONAL: 'EMPLY826',
  STRATEGIC: 'STRATG26',
  STRATEGIC_LAB: 'STRLAB26',
  EXPIRED: 'EXPRED26',
  CANCELLED: 'CANCLD26',
  COMPLETED: 'CMPLTD26',
  /** 200-page contract (read-and-sign: page ranges, forced reading) */
  LONG_LEASE: 'EQPLSE26'
} as const

export type DemoFlowKey = keyof typeof DEMO_FLOWS

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
