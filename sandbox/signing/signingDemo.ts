/**
 * Demo data of the signing module: the contracts behind the demo flows (options, fields, text)
 * and the enterprises' seals with who may use them. Code constants, never persisted.
 * Every company, person and address here is fictional.
 */
import { DEMO_FLOWS, DEMO_PEOPLE, type DemoPersonKey } from '../core/demoData'
import type { FlowRecord } from '../core/state'
import { LONG_LEASE, STRATEGIC } from './demoContracts.business'
import { ENTERPRISE_PERSONAL, PERSONAL } from './demoContracts.personal'
import { type ContractSpec, type FieldSpec, partyBlock, type PlacedText } from './demoSeals'

export * from './demoSeals'

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

/** The demo person with this name, if any. */
export function demoPersonByName(name: string): DemoPersonKey | null {
  for (const [k, p] of Object.entries(DEMO_PEOPLE)) if (p.name === name) return k as DemoPersonKey
  return null
}
