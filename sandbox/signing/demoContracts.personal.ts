/**
 * Signing demo contracts: the personal lease (房屋租赁合同) and the labour contract (劳动合同).
 * Fictional.
 */
import { type ContractSpec, SIG_H, SIG_W, partyBlock } from './demoSeals'

// ------------------------------------------------------------------ 房屋租赁合同

export const lease = partyBlock(1, 0, 0.56, '甲方（出租方）：张三', 'SIGNATURE', 'YYYY年MM月DD日')
export const leaseTenant = partyBlock(2, 1, 0.56, '乙方（承租方）：李四', 'SIGNATURE', 'YYYY年MM月DD日')

export const PERSONAL: ContractSpec = {
  contractNo: 'HT-2026-PERSNL26',
  options: {
    forcedReading: { minSeconds: null, mustReachLastPage: true },
    allowSystemSignature: true,
    signatureApply: 'ALL_AT_ONCE',
    allowDecline: true,
    intentMethods: ['SMS', 'FACE', 'PASSWORD']
  },
  partyLines: ['出租方（甲方）：张三', '承租方（乙方）：李四'],
  preamble: '根据《中华人民共和国民法典》及有关法律、法规的规定，甲乙双方在平等、自愿、协商一致的基础上，就乙方承租甲方房屋事宜，订立本合同，以资共同遵守。',
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
      paragraphs: ['租赁期内，水费、电费、燃气费、网络通讯费由乙方承担；物业管理费、供暖费及房屋相关税费由甲方承担。']
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
  texts: [...lease.texts, ...leaseTenant.texts, { page: 4, x: 0.1, y: 0.68, text: '附件一：房屋交接清单确认', bold: true }]
}

// ------------------------------------------------------------------ 劳动合同

export const laborEmployer = partyBlock(2, 0, 0.56, '甲方（用人单位）：深圳前海云签科技有限公司', 'SEAL', 'YYYY-MM-DD', ['CONTRACT', 'HR'])
export const laborEmployee = partyBlock(1, 1, 0.56, '乙方（劳动者）：陈晨', 'SIGNATURE', 'YYYY年MM月DD日')

export const ENTERPRISE_PERSONAL: ContractSpec = {
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
      paragraphs: ['本合同为固定期限劳动合同，期限自2026年12月1日起至2029年11月30日止。其中试用期为三个月，自2026年12月1日起至2027年2月28日止。']
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
      paragraphs: ['甲方实行标准工时制度，乙方每日工作时间不超过八小时，每周工作时间不超过四十小时。', '乙方依法享有法定节假日、年休假、婚假、产假等假期。']
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
      paragraphs: ['乙方应保守甲方的商业秘密和与知识产权相关的保密事项。双方另行签订的《保密协议》作为本合同附件，与本合同具有同等效力。']
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
