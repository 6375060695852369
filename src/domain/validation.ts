/**
 * A validation result: either ok with the normalised value, or a typed error with a
 * user-facing message in Simplified Chinese. Validators never throw.
 */
export type Validation<T = string> = { ok: true; value: T } | { ok: false; code: string; message: string }

export function ok<T>(value: T): Validation<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: string, message: string): Validation<T> {
  return { ok: false, code, message }
}
