/**
 * Signing demo contracts: the strategic framework agreement (战略合作框架协议) and the 200-page
 * equipment lease (设备租赁及维护服务总协议). Fictional.
 */
import { type ContractSpec, type FieldSpec, type PlacedText, SIG_H, SIG_W } from './demoSeals'

// ------------------------------------------------------------------ 战略合作框架协议

export function strategicParty(signerLegal: number, signerAgent: number, column: 0 | 1, header: string): { fields: FieldSpec[]; texts: PlacedText[] } {
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
      {
        key: `sign${signerLegal}`,
        signer: signerLegal,
        type: 'SIGN_SIGNATURE',
        page: -1,
        x: x + 0.14,
        y: y + 0.22,
        w: SIG_W,
        h: SIG_H,
        required: true,
        label: '法定代表人签字'
      },
      {
        key: `date${signerAgent}`,
        signer: signerAgent,
        type: 'SIGN_DATE',
        page: -1,
        x: x + 0.08,
        y: y + 0.32,
        w: 0.24,
        h: 0.03,
        required: true,
        label: '日期',
        dateFormat: 'YYYY年MM月DD日'
      },
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

export const stratA = strategicParty(1, 2, 0, '甲方：杭州星河数字科技有限公司')
export const stratB = strategicParty(3, 4, 1, '乙方：上海海纳智能制造股份有限公司')

export const STRATEGIC: ContractSpec = {
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

export const LONG_LEASE: ContractSpec = {
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
      paragraphs: [
        '本协议中，“设备”指附件一《租赁设备清单》所列的数控加工设备及其配套工装；“维护服务”指甲方按附件二《维护服务标准》提供的巡检、保养、维修及备件更换服务。'
      ]
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
