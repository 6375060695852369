/**
 * Demo data of the signing module: the contracts behind the demo flows (options, fields, text)
 * and the enterprises' seals with who may use them. Code constants, never persisted.
 * Every company, person and address here is fictional.
 */
import type { DateFormat, SealType, SigningOptions } from '@/services/types'
import { SEAL_TYPE_LABELS } from '@/services/types.signing'
import { DEMO_ENTERPRISES, DEMO_FLOWS, DEMO_PEOPLE, type DemoEnterpriseKey, type DemoPersonKey } from '../core/demoData'
import type { FlowRecord } from '../core/state'

// ------------------------------------------------------------------ seals

export interface DemoSeal {
  sealId: string
  enterprise: DemoEnterpriseKey
  sealType: SealType
  /** Demo people authorised to use it (more can be added with dev.authoriseSeal) */
  authorised: DemoPersonKey[]
}

export const DEMO_SEALS: readonly DemoSeal[] = [
  { sealId: 'SEAL-YQ-OFFICIAL', enterprise: 'YUNQIAN', sealType: 'OFFICIAL', authorised: [] },
  { sealId: 'SEAL-YQ-CONTRACT', enterprise: 'YUNQIAN', sealType: 'CONTRACT', authorised: ['WANG_FANG'] },
  { sealId: 'SEAL-YQ-HR', enterprise: 'YUNQIAN', sealType: 'HR', authorised: ['WANG_FANG'] },
  { sealId: 'SEAL-YQ-FINANCE', enterprise: 'YUNQIAN', sealType: 'FINANCE', authorised: [] },
  { sealId: 'SEAL-XH-OFFICIAL', enterprise: 'XINGHE', sealType: 'OFFICIAL', authorised: ['LIU_YANG'] },
  { sealId: 'SEAL-XH-CONTRACT', enterprise: 'XINGHE', sealType: 'CONTRACT', authorised: ['LIU_YANG'] },
  // 赵敏 may only use the finance seal: she cannot seal the strategic agreement until authorised
  { sealId: 'SEAL-XH-FINANCE', enterprise: 'XINGHE', sealType: 'FINANCE', authorised: ['LIU_YANG', 'ZHAO_MIN'] },
  { sealId: 'SEAL-HN-OFFICIAL', enterprise: 'HAINA', sealType: 'OFFICIAL', authorised: ['SUN_LEI'] },
  { sealId: 'SEAL-HN-CONTRACT', enterprise: 'HAINA', sealType: 'CONTRACT', authorised: ['SUN_LEI', 'ZHOU_TING'] },
  { sealId: 'SEAL-HN-INVOICE', enterprise: 'HAINA', sealType: 'INVOICE', authorised: ['SUN_LEI'] }
]

export function demoSeal(sealId: string): DemoSeal | null {
  return DEMO_SEALS.find((s) => s.sealId === sealId) ?? null
}

export function sealEnterpriseName(s: DemoSeal): string {
  return DEMO_ENTERPRISES[s.enterprise].name
}

export function sealCreditCode(s: DemoSeal): string {
  return DEMO_ENTERPRISES[s.enterprise].creditCode
}

/** What the seal says below the star ('' for a 公章). */
export function sealPurpose(t: SealType): string {
  return t === 'OFFICIAL' ? '' : SEAL_TYPE_LABELS[t]
}

// ------------------------------------------------------------------ contracts

/** A field of a contract, placed by signer index (1-based, as in `${flowId}-${n}`). */
export interface FieldSpec {
  key: string
  signer: number
  type: 'SIGN_SIGNATURE' | 'SIGN_SEAL' | 'SIGN_DATE' | 'SIGN_PAGING_SEAL' | 'TEXT' | 'CHECK_BOX'
  /** 0-based page; negative counts from the end (−1 = last page) */
  page: number
  x: number
  y: number
  w: number
  h: number
  required: boolean
  label: string
  acceptedSealTypes?: SealType[]
  dateFormat?: DateFormat
  minLength?: number
  maxLength?: number
  pattern?: string
  patternHint?: string
  placeholder?: string
}

/** Text placed at a fixed spot (signature blocks); body text stops above it. */
export interface PlacedText {
  page: number
  x: number
  y: number
  text: string
  size?: number
  bold?: boolean
}

/** A seal the initiator applied when issuing the contract (part of the original document). */
export interface PlacedSeal {
  page: number
  /** Top-left, fractions of the page; `size` is the diameter as a fraction of page width */
  x: number
  y: number
  size: number
  text: string
  purpose: string
}

export interface Clause {
  title: string
  paragraphs: string[]
}

export interface ContractSpec {
  contractNo: string
  options: Omit<SigningOptions, 'ordered'>
  /** Lines under the title: the parties */
  partyLines: string[]
  preamble: string
  clauses: Clause[]
  /** Words used when generating further clauses to fill long documents */
  filler: { subject: string; object: string }
  /** Last clauses, on the last page */
  finalClauses: Clause[]
  fields: FieldSpec[]
  texts: PlacedText[]
  /** Seals already on the document when issued */
  seals?: PlacedSeal[]
}

const SIG_W = 0.2
const SIG_H = 0.06

/** The signature block of one party on the last page: header line, signature/seal, date. */
function partyBlock(
  signer: number,
  column: 0 | 1,
  y: number,
  header: string,
  kind: 'SIGNATURE' | 'SEAL',
  dateFormat: DateFormat,
  accepted?: SealType[]
): { fields: FieldSpec[]; texts: PlacedText[] } {
  const x = column === 0 ? 0.1 : 0.55
  const fields: FieldSpec[] = []
  if (kind === 'SEAL') {
    fields.push({
      key: `seal${signer}`,
      signer,
      type: 'SIGN_SEAL',
      page: -1,
      x: x + 0.02,
      y: y + 0.045,
      w: 0.22,
      h: 0.15,
      required: true,
      label: '盖章',
      acceptedSealTypes: accepted
    })
  } else {
    fields.push({ key: `sign${signer}`, signer, type: 'SIGN_SIGNATURE', page: -1, x: x + 0.08, y: y + 0.05, w: SIG_W, h: SIG_H, required: true, label: '签字' })
  }
  fields.push({
    key: `date${signer}`,
    signer,
    type: 'SIGN_DATE',
    page: -1,
    x: x + 0.08,
    y: y + 0.2,
    w: 0.24,
    h: 0.03,
    required: true,
    label: '日期',
    dateFormat
  })
  return { fields, texts: [{ page: -1, x, y, text: header, bold: true }] }
}

const GENERAL_TITLES = [
  '通知与送达',
  '保密义务',
  '知识产权',
  '个人信息保护',
  '反商业贿赂',
  '税费承担',
  '合同的变更',
  '权利的放弃',
  '条款的可分割性',
  '完整协议',
  '审计与检查',
  '责任限制'
]

// ------------------------------------------------------------------ 房屋租赁合同

const lease = partyBlock(1, 0, 0.56, '甲方（出租方）：张三', 'SIGNATURE', 'YYYY年MM月DD日')
const leaseTenant = partyBlock(2, 1, 0.56, '乙方（承租方）：李四', 'SIGNATURE', 'YYYY年MM月DD日')

const PERSONAL: ContractSpec = {
  contractNo: 'HT-2026-PERSNL26',
  options: {
    forcedReading: { minSeconds: null, mustReachLastPage: true },
    allowSystemSignature: true,
    signatureApply: 'ALL_AT_ONCE',
    allowDecline: true,
    intentMethods: ['SMS', 'FACE', 'PASSWORD']
  },
  partyLines: ['出租方（甲方）：张三', '承租方（乙方）：李四'],
  preamble:
    '根据《中华人民共和国民法典》及有关法律、法规的规定，甲乙双方在平等、自愿、协商一致的基础上，就乙方承租甲方房屋事宜，订立本合同，以资共同遵守。',
  clauses: [
    {
      title: '房屋基本情况',
      paragraphs: [
        '甲方将其合法拥有的位于北京市海淀区中关村南大街示例小区3号楼2单元501室的房屋（以下简称“该房屋”）出租给乙方使用。该房屋建筑面积为89.5平方米，户型为两室一厅，房屋用途为居住。',
        '甲方保证对该房屋享有合法的出租权利，该房屋未设定抵押，亦不存在产权纠纷或被司法查封等限制出租的情形。'
      ]
    },
    {
      title: '租赁期限',
      paragraphs: [
        '租赁期自2026年12月1日起至2027年11月30日止，共计十二个月。',
        '租赁期满，乙方如需继续承租，应于租赁期满前三十日书面通知甲方，经甲方同意后重新签订租赁合同；同等条件下乙方享有优先承租权。'
      ]
    },
    {
      title: '租金及支付方式',
      paragraphs: [
        '该房屋月租金为人民币陆仟伍佰元整（¥6,500.00）。租金按季度支付，乙方应于每季度首月五日前将当季租金支付至甲方指定的银行账户。',
        '甲方收到租金后应向乙方出具收款凭证。租赁期内，甲方不得单方面提高租金。'
      ]
    },
    {
      title: '押金',
      paragraphs: [
        '乙方应于本合同签订之日向甲方支付押金人民币壹万叁仟元整（¥13,000.00）。租赁期满或合同解除后，乙方结清全部费用并按约交还房屋的，甲方应于七个工作日内无息退还押金。'
      ]
    },
    {
      title: '房屋交付及返还',
      paragraphs: [
        '甲方应于2026年12月1日前将该房屋及附属设施交付乙方，双方共同签署《房屋交接清单》（见附件一）。',
        '租赁期满或合同解除后，乙方应在五日内将房屋及附属设施按交付时的状态（正常损耗除外）返还甲方。'
      ]
    },
    {
      title: '维修养护责任',
      paragraphs: [
        '租赁期内，房屋主体结构及甲方提供的附属设施因自然损耗需要维修的，由甲方负责并承担费用；因乙方使用不当造成损坏的，由乙方负责修复或赔偿。',
        '乙方发现房屋及附属设施损坏的，应及时通知甲方；甲方应在接到通知后三日内进行维修。'
      ]
    },
    {
      title: '相关费用的承担',
      paragraphs: [
        '租赁期内，水费、电费、燃气费、网络通讯费由乙方承担；物业管理费、供暖费及房屋相关税费由甲方承担。'
      ]
    },
    {
      title: '转租与转借',
      paragraphs: ['未经甲方书面同意，乙方不得将该房屋全部或部分转租、转借他人，亦不得改变房屋用途。']
    },
    {
      title: '合同的解除',
      paragraphs: [
        '经甲乙双方协商一致，可以解除本合同。',
        '乙方有下列情形之一的，甲方有权单方解除合同：（一）拖欠租金累计超过三十日的；（二）擅自转租、转借或改变房屋用途的；（三）利用该房屋从事违法活动的。',
        '甲方有下列情形之一的，乙方有权单方解除合同：（一）迟延交付房屋超过十五日的；（二）交付的房屋严重不符合约定或影响乙方安全、健康的。'
      ]
    },
    {
      title: '违约责任',
      paragraphs: [
        '任何一方违反本合同约定的，应向守约方支付相当于一个月租金的违约金；违约金不足以弥补守约方损失的，违约方还应赔偿不足部分。',
        '乙方逾期支付租金的，每逾期一日，应按当期应付租金的千分之五向甲方支付滞纳金。'
      ]
    }
  ],
  filler: { subject: '甲乙双方', object: '该房屋' },
  finalClauses: [
    {
      title: '争议解决',
      paragraphs: ['因本合同引起的或与本合同有关的争议，双方应协商解决；协商不成的，任何一方可向该房屋所在地人民法院提起诉讼。']
    },
    {
      title: '其他',
      paragraphs: [
        '本合同经双方通过电子签名方式签署后生效，电子签名与手写签名具有同等法律效力。本合同附件为本合同不可分割的组成部分。',
        '（以下无正文，为签署页）'
      ]
    }
  ],
  fields: [
    ...lease.fields,
    ...leaseTenant.fields,
    // 附件一 房屋交接清单 on page 5 (index 4): both confirm with a signature; the tenant fills in and ticks
    { key: 'annexSign1', signer: 1, type: 'SIGN_SIGNATURE', page: 4, x: 0.16, y: 0.875, w: SIG_W, h: SIG_H, required: true, label: '甲方确认签字' },
    { key: 'annexSign2', signer: 2, type: 'SIGN_SIGNATURE', page: 4, x: 0.6, y: 0.875, w: SIG_W, h: SIG_H, required: true, label: '乙方确认签字' },
    {
      key: 'occupants',
      signer: 2,
      type: 'TEXT',
      page: 4,
      x: 0.1,
      y: 0.735,
      w: 0.2,
      h: 0.03,
      required: true,
      label: '实际居住人数',
      maxLength: 2,
      pattern: '[1-9]\\d?',
      patternHint: '请填写1至99之间的人数',
      placeholder: '例如：2'
    },
    {
      key: 'inspected',
      signer: 2,
      type: 'CHECK_BOX',
      page: 4,
      x: 0.1,
      y: 0.775,
      w: 0.03,
      h: 0.021,
      required: true,
      label: '乙方已查验房屋及附属设施，确认与交接清单一致'
    },
    {
      key: 'renew',
      signer: 2,
      type: 'CHECK_BOX',
      page: 4,
      x: 0.1,
      y: 0.81,
      w: 0.03,
      h: 0.021,
      required: false,
      label: '同意租赁期满后按原条件自动续租一年（可不勾选）'
    }
  ],
  texts: [
    ...lease.texts,
    ...leaseTenant.texts,
    { page: 4, x: 0.1, y: 0.68, text: '附件一：房屋交接清单确认', bold: true }
  ]
}

// ------------------------------------------------------------------ 劳动合同

const laborEmployer = partyBlock(2, 0, 0.56, '甲方（用人单位）：深圳前海云签科技有限公司', 'SEAL', 'YYYY-MM-DD', ['CONTRACT', 'HR'])
const laborEmployee = partyBlock(1, 1, 0.56, '乙方（劳动者）：陈晨', 'SIGNATURE', 'YYYY年MM月DD日')

const ENTERPRISE_PERSONAL: ContractSpec = {
  contractNo: 'HT-2026-EMPLY826',
  options: {
    forcedReading: { minSeconds: 10, mustReachLastPage: true },
    allowSystemSignature: false,
    signatureApply: 'PER_FIELD',
    allowDecline: true,
    intentMethods: ['SMS', 'FACE']
  },
  partyLines: ['甲方（用人单位）：深圳前海云签科技有限公司', '统一社会信用代码：91440300MA5G3K7P20', '乙方（劳动者）：陈晨'],
  preamble:
    '根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》等法律法规的规定，甲乙双方遵循合法、公平、平等自愿、协商一致、诚实信用的原则，订立本劳动合同。',
  clauses: [
    {
      title: '合同期限',
      paragraphs: [
        '本合同为固定期限劳动合同，期限自2026年12月1日起至2029年11月30日止。其中试用期为三个月，自2026年12月1日起至2027年2月28日止。'
      ]
    },
    {
      title: '工作内容和工作地点',
      paragraphs: [
        '乙方同意根据甲方工作需要，担任产品研发岗位工作。甲方可根据生产经营需要及乙方的能力和表现，依法合理调整乙方的工作岗位。',
        '乙方的工作地点为广东省深圳市前海深港合作区。'
      ]
    },
    {
      title: '工作时间和休息休假',
      paragraphs: [
        '甲方实行标准工时制度，乙方每日工作时间不超过八小时，每周工作时间不超过四十小时。',
        '乙方依法享有法定节假日、年休假、婚假、产假等假期。'
      ]
    },
    {
      title: '劳动报酬',
      paragraphs: [
        '乙方试用期月工资为人民币壹万陆仟元整，转正后月工资为人民币贰万元整。甲方于每月十日前以货币形式足额支付乙方上月工资。',
        '甲方可根据经营状况及乙方绩效，依法制定并调整乙方的工资标准。'
      ]
    },
    {
      title: '社会保险和福利待遇',
      paragraphs: ['甲方依法为乙方缴纳基本养老保险、医疗保险、失业保险、工伤保险、生育保险及住房公积金，乙方个人应缴部分由甲方代扣代缴。']
    },
    {
      title: '劳动保护和劳动条件',
      paragraphs: ['甲方为乙方提供符合国家规定的劳动安全卫生条件和必要的劳动保护用品，对乙方进行职业安全教育和培训。']
    },
    {
      title: '保密与竞业限制',
      paragraphs: [
        '乙方应保守甲方的商业秘密和与知识产权相关的保密事项。双方另行签订的《保密协议》作为本合同附件，与本合同具有同等效力。'
      ]
    },
    {
      title: '劳动合同的解除和终止',
      paragraphs: ['本合同的解除和终止，按照《中华人民共和国劳动合同法》的有关规定执行。甲方依法应当支付经济补偿的，按国家有关规定执行。']
    }
  ],
  filler: { subject: '甲乙双方', object: '劳动关系' },
  finalClauses: [
    {
      title: '劳动争议处理',
      paragraphs: ['双方因履行本合同发生劳动争议的，可以协商解决；协商不成的，可以向甲方所在地劳动人事争议仲裁委员会申请仲裁。']
    },
    {
      title: '其他',
      paragraphs: ['本合同以电子方式签署，自双方签署之日起生效，甲乙双方各自下载保存，具有同等法律效力。', '（以下无正文，为签署页）']
    }
  ],
  fields: [
    ...laborEmployer.fields,
    ...laborEmployee.fields,
    // 试用期条款确认 on page 3 (index 2)
    { key: 'probation', signer: 1, type: 'SIGN_SIGNATURE', page: 2, x: 0.62, y: 0.86, w: SIG_W, h: SIG_H, required: true, label: '乙方确认试用期条款' },
    {
      key: 'paging2',
      signer: 2,
      type: 'SIGN_PAGING_SEAL',
      page: 0,
      x: 1 - 0.2,
      y: 0.42,
      w: 0.2,
      h: 0.2 * (595 / 842),
      required: true,
      label: '骑缝章',
      acceptedSealTypes: ['CONTRACT', 'OFFICIAL']
    }
  ],
  texts: [...laborEmployer.texts, ...laborEmployee.texts]
}

// ------------------------------------------------------------------ 战略合作框架协议

function strategicParty(
  signerLegal: number,
  signerAgent: number,
  column: 0 | 1,
  header: string
): { fields: FieldSpec[]; texts: PlacedText[] } {
  const x = column === 0 ? 0.1 : 0.55
  const y = 0.52
  return {
    fields: [
      {
        key: `seal${signerAgent}`,
        signer: signerAgent,
        type: 'SIGN_SEAL',
        page: -1,
        x: x + 0.02,
        y: y + 0.045,
        w: 0.22,
        h: 0.15,
        required: true,
        label: '单位盖章',
        acceptedSealTypes: ['OFFICIAL', 'CONTRACT']
      },
      { key: `sign${signerLegal}`, signer: signerLegal, type: 'SIGN_SIGNATURE', page: -1, x: x + 0.14, y: y + 0.22, w: SIG_W, h: SIG_H, required: true, label: '法定代表人签字' },
      { key: `date${signerAgent}`, signer: signerAgent, type: 'SIGN_DATE', page: -1, x: x + 0.08, y: y + 0.32, w: 0.24, h: 0.03, required: true, label: '日期', dateFormat: 'YYYY年MM月DD日' },
      {
        key: `paging${signerAgent}`,
        signer: signerAgent,
        type: 'SIGN_PAGING_SEAL',
        page: 0,
        x: 1 - 0.2,
        y: column === 0 ? 0.3 : 0.56,
        w: 0.2,
        h: 0.2 * (595 / 842),
        required: true,
        label: '骑缝章',
        acceptedSealTypes: ['OFFICIAL', 'CONTRACT']
      }
    ],
    texts: [{ page: -1, x, y, text: header, bold: true }]
  }
}

const stratA = strategicParty(1, 2, 0, '甲方：杭州星河数字科技有限公司')
const stratB = strategicParty(3, 4, 1, '乙方：上海海纳智能制造股份有限公司')

const STRATEGIC: ContractSpec = {
  contractNo: 'HT-2026-STRATG26',
  options: {
    forcedReading: { minSeconds: 15, mustReachLastPage: false },
    allowSystemSignature: true,
    signatureApply: 'ALL_AT_ONCE',
    allowDecline: false,
    intentMethods: ['FACE', 'PASSWORD']
  },
  partyLines: ['甲方：杭州星河数字科技有限公司', '乙方：上海海纳智能制造股份有限公司'],
  preamble:
    '为贯彻落实数字经济发展战略，充分发挥双方在数字技术与智能制造领域的优势，经友好协商，甲乙双方本着“平等互利、优势互补、长期合作、共同发展”的原则，达成如下战略合作框架协议。',
  clauses: [
    {
      title: '合作目标',
      paragraphs: ['双方建立长期、稳定、全面的战略合作伙伴关系，围绕工业互联网、智能工厂及数据要素流通等领域开展深度合作。']
    },
    {
      title: '合作内容',
      paragraphs: [
        '（一）甲方为乙方的智能制造产线提供数字孪生平台及数据治理服务；',
        '（二）乙方为甲方提供工业场景验证环境及行业专家支持；',
        '（三）双方联合申报国家及地方科技项目，共享研究成果。'
      ]
    },
    {
      title: '合作机制',
      paragraphs: ['双方成立战略合作领导小组，由双方高层管理人员组成，每半年召开一次工作会议，协调解决合作中的重大事项。']
    },
    {
      title: '具体项目的实施',
      paragraphs: ['本协议为框架性协议，双方在具体项目上的权利义务，以双方另行签订的具体项目合同为准。']
    },
    {
      title: '协议期限',
      paragraphs: ['本协议有效期为三年，自双方签署之日起计算。期满前三个月，双方可协商续签。']
    }
  ],
  filler: { subject: '双方', object: '合作项目' },
  finalClauses: [
    {
      title: '争议解决',
      paragraphs: ['因本协议引起的争议，双方应友好协商解决；协商不成的，提交上海国际仲裁中心按其仲裁规则进行仲裁。']
    },
    {
      title: '其他',
      paragraphs: ['本协议经双方法定代表人签字并加盖单位公章或合同专用章后生效。', '（以下无正文，为签署页）']
    }
  ],
  fields: [...stratA.fields, ...stratB.fields],
  texts: [...stratA.texts, ...stratB.texts]
}

// ------------------------------------------------------------------ 设备租赁及维护服务总协议 (200 pages)

const LONG_LEASE: ContractSpec = {
  contractNo: 'HT-2026-EQPLSE26',
  options: {
    forcedReading: { minSeconds: 30, mustReachLastPage: true },
    allowSystemSignature: true,
    signatureApply: 'ALL_AT_ONCE',
    allowDecline: true,
    intentMethods: ['SMS', 'FACE', 'PASSWORD']
  },
  partyLines: ['出租方（甲方）：北京中关村智造设备有限公司', '承租方（乙方）：张三'],
  preamble:
    '甲乙双方根据《中华人民共和国民法典》等法律法规，经平等协商，就乙方租赁甲方设备及甲方提供相应维护服务事宜订立本总协议。本总协议包括正文、附件及双方后续签署的订单，共同构成双方之间的完整约定。',
  clauses: [
    {
      title: '定义',
      paragraphs: ['本协议中，“设备”指附件一《租赁设备清单》所列的数控加工设备及其配套工装；“维护服务”指甲方按附件二《维护服务标准》提供的巡检、保养、维修及备件更换服务。']
    },
    {
      title: '租赁设备的交付',
      paragraphs: ['甲方应按订单约定的时间和地点交付设备，并负责安装调试。乙方应在设备调试合格后三个工作日内签署验收单。']
    },
    {
      title: '租金与服务费',
      paragraphs: ['设备租金及维护服务费按订单约定的单价和数量计算，按月结算。乙方应于每月十日前支付上月费用。']
    }
  ],
  filler: { subject: '甲乙双方', object: '租赁设备' },
  finalClauses: [
    {
      title: '争议解决',
      paragraphs: ['因本协议引起的争议，双方应协商解决；协商不成的，任何一方可向甲方所在地人民法院提起诉讼。']
    },
    {
      title: '其他',
      paragraphs: ['本协议自乙方签署之日起生效，有效期五年。', '（以下无正文，为签署页）']
    }
  ],
  fields: [
    { key: 'first', signer: 1, type: 'SIGN_SIGNATURE', page: 0, x: 0.62, y: 0.86, w: SIG_W, h: SIG_H, required: true, label: '乙方首页确认签字' },
    { key: 'middle', signer: 1, type: 'SIGN_SIGNATURE', page: 99, x: 0.62, y: 0.86, w: SIG_W, h: SIG_H, required: true, label: '乙方特别约定确认签字' },
    {
      key: 'warranty',
      signer: 1,
      type: 'CHECK_BOX',
      page: 99,
      x: 0.1,
      y: 0.82,
      w: 0.03,
      h: 0.021,
      required: false,
      label: '选购延长维护服务（延保两年，可不勾选）'
    },
    { key: 'last', signer: 1, type: 'SIGN_SIGNATURE', page: -1, x: 0.63, y: 0.61, w: SIG_W, h: SIG_H, required: true, label: '签字' },
    { key: 'lastDate', signer: 1, type: 'SIGN_DATE', page: -1, x: 0.63, y: 0.76, w: 0.24, h: 0.03, required: true, label: '日期', dateFormat: 'YYYY年MM月DD日' }
  ],
  texts: [
    { page: -1, x: 0.1, y: 0.56, text: '甲方：北京中关村智造设备有限公司', bold: true },
    { page: -1, x: 0.55, y: 0.56, text: '乙方（承租方）：张三', bold: true },
    { page: -1, x: 0.1, y: 0.79, text: '（甲方已于发起时盖章）', size: 10 }
  ],
  seals: [{ page: -1, x: 0.12, y: 0.6, size: 0.22, text: '北京中关村智造设备有限公司', purpose: '合同专用章' }]
}

export const DEMO_CONTRACTS: Readonly<Record<string, ContractSpec>> = {
  [DEMO_FLOWS.PERSONAL]: PERSONAL,
  [DEMO_FLOWS.ENTERPRISE_PERSONAL]: ENTERPRISE_PERSONAL,
  [DEMO_FLOWS.STRATEGIC]: STRATEGIC,
  [DEMO_FLOWS.LONG_LEASE]: LONG_LEASE
}

/**
 * Any other flow (the expired, cancelled and completed demo flows, or flows other modules add)
 * gets a generic contract: for each person a signature and a date, for each enterprise signer a
 * seal and a date, on the last page.
 */
export function genericContract(flow: FlowRecord): ContractSpec {
  const fields: FieldSpec[] = []
  const texts: PlacedText[] = []
  const parties = flow.signers.map((s, i) => {
    const who = s.enterpriseName ?? s.name
    return `${PARTY_ORDINALS[i] ?? `第${i + 1}方`}（${s.roleLabel}）：${who}`
  })
  flow.signers.forEach((s, i) => {
    const col = (i % 2) as 0 | 1
    const row = Math.floor(i / 2)
    const y = 0.5 + row * 0.22
    const block = partyBlock(
      i + 1,
      col,
      Math.min(y, 0.72),
      parties[i],
      s.partyType === 'ENTERPRISE' ? 'SEAL' : 'SIGNATURE',
      'YYYY年MM月DD日',
      s.partyType === 'ENTERPRISE' ? ['OFFICIAL', 'CONTRACT'] : undefined
    )
    fields.push(...block.fields)
    texts.push(...block.texts)
  })
  return {
    contractNo: `HT-2026-${flow.flowId}`,
    options: {
      forcedReading: null,
      allowSystemSignature: true,
      signatureApply: 'ALL_AT_ONCE',
      allowDecline: true,
      intentMethods: ['SMS', 'FACE', 'PASSWORD']
    },
    partyLines: parties,
    preamble: `各方根据《中华人民共和国民法典》等法律法规的规定，在平等、自愿、协商一致的基础上，就${flow.title}相关事宜订立本合同。`,
    clauses: [],
    filler: { subject: '各方', object: '合同标的' },
    finalClauses: [
      {
        title: '其他',
        paragraphs: ['本合同经各方以电子签名方式签署后生效，电子签名与手写签名具有同等法律效力。', '（以下无正文，为签署页）']
      }
    ],
    fields,
    texts
  }
}

const PARTY_ORDINALS = ['甲方', '乙方', '丙方', '丁方', '戊方', '己方']

export function contractSpecFor(flow: FlowRecord): ContractSpec {
  return DEMO_CONTRACTS[flow.flowId] ?? genericContract(flow)
}

/** Clause titles used to generate further clauses of long documents. */
export { GENERAL_TITLES }

/** The demo person with this name, if any. */
export function demoPersonByName(name: string): DemoPersonKey | null {
  for (const [k, p] of Object.entries(DEMO_PEOPLE)) if (p.name === name) return k as DemoPersonKey
  return null
}
