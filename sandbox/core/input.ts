/** Input checks shared by the sandbox's operations: every refusal is INVALID_INPUT with the field. */
import { ServiceError } from '@/services/errors'

export function invalid(field: string, message: string, extra: Record<string, unknown> = {}): ServiceError {
  return new ServiceError('INVALID_INPUT', message, { field, ...extra })
}

/** The operation's input object (not null, not an array). */
export function inputObject(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new ServiceError('INVALID_INPUT', '请求参数不正确', { field: 'input' })
  }
  return input as Record<string, unknown>
}

/** A non-blank string field, trimmed. */
export function requireString(o: Record<string, unknown>, field: string, message: string): string {
  const v = o[field]
  if (typeof v !== 'string' || !v.trim()) throw invalid(field, message)
  return v.trim()
}

/** The value of a domain validation, or INVALID_INPUT with its message and reason. */
export function checkValid<T>(field: string, v: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!v.ok) throw new ServiceError('INVALID_INPUT', v.message, { field, reason: v.code })
  return v.value
}
