import { fail, ok, type Validation } from './validation'

/**
 * Resident identity number (GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence, 1 check character. Weights 2^(17-i) mod 11; sum mod 11 maps to
 * "10X98765432".
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** Province-level codes of the administrative division code (GB/T 2260); 81/82/83 are
 * the codes used by residence permits for Hong Kong, Macao and Taiwan residents. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '81',
  '82',
  '83'
])

/** The check character for the first 17 digits ('' if they are not 17 digits). */
export function residentIdCheckChar(first17: string): string {
  const s = String(first17 ?? '')
  if (!/^\d{17}/.test(s)) return ''
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11]
}

export interface ResidentIdInfo {
  id: string
  region: string
  birthDate: string // YYYY-MM-DD
  gender: 'M' | 'F'
}

const CHINA_UTC_OFFSET_MS = 8 * 3600 * 1000

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= days[m - 1]
}

/**
 * Validates an 18-character resident ID number: format, region, birth date (a real date,
 * not before 1800 and not after today in China) and the check character. The lower bound is
 * 1800, not 1900: the standard's own example 440524188001010014 was born in 1880.
 * A lower-case x is accepted and normalised to X; whitespace anywhere is removed.
 */
export function validateResidentId(input: string, now: number = Date.now()): Validation<ResidentIdInfo> {
  const id = String(input ?? '')
    .replace(/\s+/g, '')
    .toUpperCase()
  if (!id) return fail('ID_EMPTY', '请输入身份证号')
  if (id.length !== 18) return fail('ID_LENGTH', '身份证号应为18位')
  if (!/^\d{17}[\dX]$/.test(id)) return fail('ID_FORMAT', '身份证号格式不正确：前17位应为数字，最后一位为数字或X')
  const province = id.slice(0, 2)
  if (!PROVINCES.has(province)) return fail('ID_REGION', '身份证号的地区码不正确')
  if (id.slice(2, 6) === '0000' && !['81', '82', '83'].includes(province)) {
    return fail('ID_REGION', '身份证号的地区码不正确')
  }
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  if (y < 1800 || !isCalendarDate(y, m, d)) return fail('ID_BIRTH', '身份证号中的出生日期不正确')
  // "Today" is the calendar date in China (UTC+8, no DST), whatever the device's time zone:
  // between 00:00 and 08:00 Beijing time the UTC date is still yesterday.
  const today = new Date(now + CHINA_UTC_OFFSET_MS)
  const birth = Date.UTC(y, m - 1, d)
  if (birth > Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) {
    return fail('ID_BIRTH', '身份证号中的出生日期不正确')
  }
  if (residentIdCheckChar(id) !== id[17]) return fail('ID_CHECKSUM', '身份证号校验位不正确，请核对后重新输入')
  return ok({
    id,
    region: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'M' : 'F'
  })
}

/** Mainland China mobile number: 11 digits starting 13-19. Spaces, dashes and a +86/86 prefix are removed. */
export function validateMobile(input: string): Validation<string> {
  let m = String(input ?? '').replace(/[\s-]+/g, '')
  if (!m) return fail('MOBILE_EMPTY', '请输入手机号')
  if (/^\+?86\d{11}$/.test(m)) m = m.replace(/^\+?86/, '')
  if (!/^\d+$/.test(m)) return fail('MOBILE_FORMAT', '手机号只能包含数字')
  if (m.length !== 11) return fail('MOBILE_LENGTH', '手机号应为11位')
  if (!/^1[3-9]\d{9}$/.test(m)) return fail('MOBILE_FORMAT', '请输入正确的中国大陆手机号')
  return ok(m)
}

/**
 * CJK ideographs: Extension A, the URO, compatibility ideographs and the supplementary-plane
 * extensions B-I (rare characters do occur in names on ID cards, GB 18030). Needs the `u` flag.
 * The Yijing hexagram symbols (U+4DC0-4DFF) between Extension A and the URO are not ideographs.
 */
const IDEOGRAPH = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2ee5f}\\u{2f800}-\\u{2fa1f}\\u{30000}-\\u{323af}]'
const NAME_PATTERN = new RegExp(`^${IDEOGRAPH}+(?:·${IDEOGRAPH}+)*$`, 'u')
/** Look-alikes of the middle dot U+00B7 that input methods produce. */
const DOT_LOOKALIKES = /[•・．.‧･⋅∙\u0387]/g

/**
 * A person's legal name as on the ID card: 2-30 characters of CJK ideographs, with the
 * middle dot (·) allowed between parts for names of ethnic minorities and foreigners.
 * Lengths count characters (code points), so a supplementary-plane ideograph counts once.
 */
export function validatePersonName(input: string): Validation<string> {
  const name = String(input ?? '')
    .trim()
    .replace(DOT_LOOKALIKES, '·')
  if (!name) return fail('NAME_EMPTY', '请输入姓名')
  if (!NAME_PATTERN.test(name)) {
    return fail('NAME_FORMAT', '姓名应与身份证一致，只能包含中文和间隔号“·”')
  }
  const chars = Array.from(name)
  if (chars.filter((c) => c !== '·').length < 2) return fail('NAME_LENGTH', '姓名至少2个字')
  if (chars.length > 30) return fail('NAME_LENGTH', '姓名不能超过30个字')
  return ok(name)
}

/** Validates a 6-digit SMS verification code. */
export function validateSmsCode(input: string): Validation<string> {
  const code = String(input ?? '').replace(/\s+/g, '')
  if (!code) return fail('CODE_EMPTY', '请输入短信验证码')
  if (!/^\d{6}$/.test(code)) return fail('CODE_FORMAT', '验证码为6位数字')
  return ok(code)
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; the first character is kept. */
export function maskName(name: string): string {
  const chars = Array.from(name ?? '')
  if (chars.length === 0) return ''
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}

/** 440524188001010014 → 4405**********0014 (first 4 and last 4 kept). */
export function maskResidentId(id: string): string {
  const s = String(id ?? '')
  if (s.length <= 8) return '*'.repeat(s.length)
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4)
}

/** 13812345678 → 138****5678. Inputs of 7 characters or fewer are masked completely
 * (keeping 3 + 4 of them would hide nothing). */
export function maskMobile(mobile: string): string {
  const s = String(mobile ?? '')
  if (s.length <= 7) return '*'.repeat(s.length)
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4)
}
