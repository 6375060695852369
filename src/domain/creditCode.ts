import { fail, ok, type Validation } from './validation'

/**
 * Unified social credit code (GB 32100-2015): 18 characters over the 31-character alphabet
 * below (no I, O, S, V, Z). Position 1 is the registering authority, 2 the organisation type,
 * 3-8 the region code, 9-17 the organisation code, 18 the check character.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character for the first 17 characters ('' if they are not 17 alphabet characters). */
export function creditCodeCheckChar(first17: string): string {
  const s = String(first17 ?? '')
  if (s.length < 17) return ''
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(s[i])
    if (v < 0) return ''
    sum += v * WEIGHTS[i]
  }
  const c = 31 - (sum % 31)
  return CREDIT_CODE_ALPHABET[c === 31 ? 0 : c]
}

/**
 * Registering authority (position 1) → organisation types allowed at position 2
 * (GB 32100-2015, table A.1).
 */
const AUTHORITY_TYPES: Record<string, string> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '123459', // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地（大陆）代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '1239', // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: '1' // 其他: 不再细分，统一为 1
}

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
  // Only ASCII letters are upper-cased: String#toUpperCase would turn e.g. the ligature 'ﬀ'
  // into 'FF' and make a valid-looking code out of foreign characters.
  const code = String(input ?? '')
    .replace(/\s+/g, '')
    .replace(/[a-z]/g, (c) => c.toUpperCase())
  if (!code) return fail('CREDIT_EMPTY', '请输入统一社会信用代码')
  // Characters, not UTF-16 units: 17 characters and an emoji are 18 characters, one of them wrong.
  if (Array.from(code).length !== 18) return fail('CREDIT_LENGTH', '统一社会信用代码应为18位')
  for (const ch of code) {
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      return fail('CREDIT_FORMAT', `统一社会信用代码含有无效字符“${ch}”（不使用 I、O、S、V、Z）`)
    }
  }
  const authority = code[0]
  const allowed = Object.prototype.hasOwnProperty.call(AUTHORITY_TYPES, authority) ? AUTHORITY_TYPES[authority] : ''
  if (!allowed.includes(code[1])) {
    return fail('CREDIT_FORMAT', '统一社会信用代码的登记管理部门或机构类别不正确')
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('CREDIT_FORMAT', '统一社会信用代码的行政区划码不正确')
  if (creditCodeCheckChar(code) !== code[17]) {
    return fail('CREDIT_CHECKSUM', '统一社会信用代码校验位不正确，请核对营业执照')
  }
  return ok({ code, authority, kind: kindOf(authority, code[1]) })
}
