import { fail, ok, type Validation } from './validation'

/**
 * Unified social credit code (GB 32100-2015): 18 characters over the 31-character alphabet
 * below (no I, O, S, V, Z). Position 1 is the registering authority, 2 the organisation type,
 * 3-8 the region code, 9-17 the organisation code, 18 the check character.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function creditCodeCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * WEIGHTS[i]
  const c = 31 - (sum % 31)
  return CREDIT_CODE_ALPHABET[c === 31 ? 0 : c]
}

/** Registering authority (position 1) → organisation types allowed at position 2. */
const AUTHORITY_TYPES: Record<string, string> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  'Y': '1' // 其他
}
// Other authorities (2-8, A, N) accept 1-3 and 9 as type codes.
const DEFAULT_TYPES = '1239'

export type OrganisationKind = 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'GOVERNMENT' | 'OTHER'

export interface CreditCodeInfo {
  code: string
  authority: string
  kind: OrganisationKind
}

/** Derives the organisation kind from positions 1-2 (authority + type). */
function kindOf(authority: string, type: string): OrganisationKind {
  if (authority === '9') return type === '2' ? 'INDIVIDUAL_BUSINESS' : 'ENTERPRISE'
  if (authority === '1') return type === '1' ? 'GOVERNMENT' : 'OTHER'
  return 'OTHER'
}

export function validateCreditCode(input: string): Validation<CreditCodeInfo> {
  const code = String(input ?? '').replace(/\s+/g, '').toUpperCase()
  if (!code) return fail('CREDIT_EMPTY', '请输入统一社会信用代码')
  if (code.length !== 18) return fail('CREDIT_LENGTH', '统一社会信用代码应为18位')
  for (const ch of code) {
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      return fail('CREDIT_FORMAT', `统一社会信用代码含有无效字符“${ch}”（不使用 I、O、S、V、Z）`)
    }
  }
  const authority = code[0]
  const allowed = AUTHORITY_TYPES[authority] ?? (/^[2-8AN]$/.test(authority) ? DEFAULT_TYPES : '')
  if (!allowed || !allowed.includes(code[1])) {
    return fail('CREDIT_FORMAT', '统一社会信用代码的登记管理部门或机构类别不正确')
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('CREDIT_FORMAT', '统一社会信用代码的行政区划码不正确')
  if (creditCodeCheckChar(code) !== code[17]) {
    return fail('CREDIT_CHECKSUM', '统一社会信用代码校验位不正确，请核对营业执照')
  }
  return ok({ code, authority, kind: kindOf(authority, code[1]) })
}
