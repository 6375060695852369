/**
 * Signing demo data: the enterprises' seals and who may use them, the contract spec types and
 * the party-block helper the demo contracts are laid out with. Fictional.
 */
import type { DateFormat, SealType, SigningOptions } from '@/services/types'
import { SEAL_TYPE_LABELS } from '@/services/types.signing'
import { DEMO_ENTERPRISES, type DemoEnterpriseKey, type DemoPersonKey } from '../core/demoData'

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

export const SIG_W = 0.2
export const SIG_H = 0.06

/** The signature block of one party on the last page: header line, signature/seal, date. */
export function partyBlock(
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

/** Clause titles used to generate further clauses of long documents. */
export const GENERAL_TITLES = [
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
