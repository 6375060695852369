/**
 * Signing password (签署密码) for PASSWORD intent confirmation: 6 digits, not trivial.
 */
import { fail, ok, type Validation } from '@/domain/validation'

/** Refused as too easy to guess: all the same digit, runs up or down, two or three repeated digits, common picks. */
export function isTrivialPassword(p: string): boolean {
  if (/^(\d)\1{5}$/.test(p)) return true // 111111
  const d = [...p].map(Number)
  const steps = d.slice(1).map((x, i) => (x - d[i] + 10) % 10)
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return true // 123456, 654321, 890123
  if (/^(\d\d)\1\1$/.test(p) || /^(\d{3})\1$/.test(p)) return true // 121212, 123123
  if (/^(\d)\1(\d)\2(\d)\3$/.test(p)) return true // 112233
  if (/^(\d)\1\1(\d)\2\2$/.test(p)) return true // 111222
  return ['520520', '521521', '147258', '147369', '159357', '123654', '654123'].includes(p)
}

export function validateSigningPassword(p: string): Validation {
  if (!/^\d{6}$/.test(p)) return fail('FORMAT', '签署密码须为6位数字')
  if (isTrivialPassword(p)) return fail('TRIVIAL', '签署密码过于简单，请避免连续或重复的数字')
  return ok(p)
}
