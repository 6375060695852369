/**
 * The business licence (营业执照, or 统一社会信用代码证书 for organisations that have no
 * licence) as the operator confirms it. Checked the same way on the device and by the backend.
 */
import { validateCreditCode, type OrganisationKind } from '@/domain/creditCode'
import { validatePersonName } from '@/domain/identity'

export type LicenseField = 'name' | 'creditCode' | 'legalRepresentative' | 'orgKind' | 'address' | 'registeredOn' | 'validUntil'

export const LICENSE_FIELDS: readonly LicenseField[] = ['name', 'creditCode', 'legalRepresentative', 'orgKind', 'address', 'registeredOn', 'validUntil']

export const LICENSE_FIELD_LABEL: Record<LicenseField, string> = {
  name: '名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  orgKind: '主体类型',
  address: '住所',
  registeredOn: '成立日期',
  validUntil: '营业期限至'
}

export const ORG_KINDS: readonly OrganisationKind[] = ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'GOVERNMENT', 'OTHER']

export const ORG_KIND_LABEL: Record<OrganisationKind, string> = {
  ENTERPRISE: '企业',
  INDIVIDUAL_BUSINESS: '个体工商户',
  GOVERNMENT: '党政机关',
  OTHER: '其他组织'
}

/** The value a licence shows for an unlimited term. */
export const NO_END_DATE = '长期'

/** OCR fields below this confidence are highlighted for the operator to check. */
export const LOW_CONFIDENCE = 0.8

export interface LicenseFields {
  name: string
  creditCode: string
  legalRepresentative: string
  orgKind: OrganisationKind
  address: string
  /** YYYY-MM-DD */
  registeredOn: string
  /** YYYY-MM-DD or 长期 */
  validUntil: string
}

export type LicenseErrors = Partial<Record<LicenseField, string>>

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const dt = new Date(Date.UTC(y, mo - 1, d))
  return y >= 1949 && dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d
}

/** Normalises a date the operator typed: 2019/5/16, 2019.05.16, 2019年5月16日 → 2019-05-16. */
export function normaliseDate(input: string): string {
  const s = String(input ?? '').trim()
  if (s === NO_END_DATE) return s
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s)
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s
}

/** Where the enterprise is in China's calendar today, as YYYY-MM-DD. */
function chinaToday(now: number): string {
  const d = new Date(now + 8 * 3600 * 1000)
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}

/**
 * Validates every field and returns all messages at once (the form shows each under its
 * field). The credit code must pass GB 32100, and the subject type must be the one its code
 * says (positions 1-2: 91 enterprise, 92 individual business, 11 government and party organs).
 */
export function validateLicense(
  input: Partial<Record<LicenseField, unknown>>,
  now: number
): { ok: true; value: LicenseFields } | { ok: false; errors: LicenseErrors } {
  const errors: LicenseErrors = {}
  const str = (f: LicenseField) => (typeof input[f] === 'string' ? (input[f] as string) : '').trim()

  const name = str('name').replace(/\s+/g, '')
  if (!name) errors.name = '请输入名称'
  else if (Array.from(name).length < 2 || Array.from(name).length > 60) errors.name = '名称应为2-60个字'

  const code = validateCreditCode(str('creditCode'))
  if (!code.ok) errors.creditCode = code.message

  const rep = validatePersonName(str('legalRepresentative'))
  if (!rep.ok) errors.legalRepresentative = rep.code === 'NAME_EMPTY' ? '请输入法定代表人（负责人、经营者）姓名' : rep.message

  const kind = str('orgKind') as OrganisationKind
  if (!ORG_KINDS.includes(kind)) errors.orgKind = '请选择主体类型'
  else if (code.ok && code.value.kind !== kind) {
    errors.orgKind = `统一社会信用代码显示该主体为“${ORG_KIND_LABEL[code.value.kind]}”，请核对主体类型`
  }

  const address = str('address')
  if (!address) errors.address = '请输入住所'
  else if (Array.from(address).length > 120) errors.address = '住所不能超过120个字'

  const today = chinaToday(now)
  const registeredOn = normaliseDate(str('registeredOn'))
  if (!isDate(registeredOn)) errors.registeredOn = '请按 2019-05-16 的格式输入成立日期'
  else if (registeredOn > today) errors.registeredOn = '成立日期不能晚于今天'

  const validUntil = normaliseDate(str('validUntil'))
  if (validUntil !== NO_END_DATE) {
    if (!isDate(validUntil)) errors.validUntil = '请输入营业期限截止日期，或“长期”'
    else if (validUntil < today) errors.validUntil = '营业期限已届满，无法认证'
    else if (isDate(registeredOn) && validUntil < registeredOn) errors.validUntil = '营业期限不能早于成立日期'
  }

  if (Object.keys(errors).length > 0 || !code.ok || !rep.ok) return { ok: false, errors }
  return {
    ok: true,
    value: { name, creditCode: code.value.code, legalRepresentative: rep.value, orgKind: kind, address, registeredOn, validUntil }
  }
}

/** One field's check, for messages as the operator types. */
export function validateLicenseField(field: LicenseField, fields: Partial<Record<LicenseField, unknown>>, now: number): string | null {
  const r = validateLicense(fields, now)
  return r.ok ? null : (r.errors[field] ?? null)
}

/** 党政机关 and 其他组织 authorize their super administrator by letter only. */
export function letterOnly(kind: OrganisationKind): boolean {
  return kind === 'GOVERNMENT' || kind === 'OTHER'
}
