/**
 * Demo data of the sandbox: the people (the identity registry), the enterprises and the demo
 * flow ids. Fictional; valid GB 11643 / GB 32100 check characters. Never persisted.
 */

/** Keys of the demo people. */
export type DemoPersonKey =
  'ZHANG_SAN' | 'LI_SI' | 'CHEN_CHEN' | 'WANG_FANG' | 'LIU_YANG' | 'ZHAO_MIN' | 'SUN_LEI' | 'ZHOU_TING' | 'WU_HAO' | 'ZHENG_SHUANG' | 'QIAN_DUODUO'

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
