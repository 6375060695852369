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
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '81', '82', '83'
])

export function residentIdCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11]
}

export interface ResidentIdInfo {
  id: string
  region: string
  birthDate: string // YYYY-MM-DD
  gender: 'M' | 'F'
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= days[m - 1]
}

/**
 * Validates an 18-character resident ID number: format, region, birth date (a real date,
 * not before 1900 and not after `now`) and the check character. A lower-case x is accepted
 * and normalised to X; surrounding spaces are ignored.
 */
export function validateResidentId(input: string, now: number = Date.now()): Validation<ResidentIdInfo> {
  const id = String(input ?? '').replace(/\s+/g, '').toUpperCase()
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
  if (y < 1900 || !isCalendarDate(y, m, d)) return fail('ID_BIRTH', '身份证号中的出生日期不正确')
  const today = new Date(now)
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
 * A person's legal name as on the ID card: 2-30 characters of CJK ideographs, with the
 * middle dot (·) allowed between parts for names of ethnic minorities and foreigners.
 */
export function validatePersonName(input: string): Validation<string> {
  const name = String(input ?? '').trim().replace(/[•・．.]/g, '·')
  if (!name) return fail('NAME_EMPTY', '请输入姓名')
  if (!/^[\u3400-\u9fff\uf900-\ufaff]+(·[\u3400-\u9fff\uf900-\ufaff]+)*$/.test(name)) {
    return fail('NAME_FORMAT', '姓名应与身份证一致，只能包含中文和间隔号“·”')
  }
  if (name.replace(/·/g, '').length < 2) return fail('NAME_LENGTH', '姓名至少2个字')
  if (name.length > 30) return fail('NAME_LENGTH', '姓名不能超过30个字')
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

/** 13812345678 → 138****5678. */
export function maskMobile(mobile: string): string {
  const s = String(mobile ?? '')
  if (s.length < 7) return '*'.repeat(s.length)
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4)
}
