import { makeAutoObservable } from 'mobx'
import type { ServiceError } from '@/services/errors'

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ServiceError }

/**
 * A form's fields, which were touched, the backend's messages per field, and the step pattern
 * the stores repeat: touch every field, check locally, call the service, put a field error
 * under its field. `check` gives the local message per field (null when fine); it may read
 * observables (an observable clock), so `errors` follows them.
 */
export class FormState<F extends string> {
  values: Record<F, string>
  touched: Partial<Record<F, boolean>> = {}
  serverErrors: Partial<Record<F, string>> = {}

  constructor(
    readonly fields: readonly F[],
    private readonly blank: () => Record<F, string>,
    private readonly check: (values: Record<F, string>) => Partial<Record<F, string | null>>
  ) {
    this.values = blank()
    makeAutoObservable<FormState<F>, 'blank' | 'check'>(this, { fields: false, blank: false, check: false })
  }

  get localErrors(): Partial<Record<F, string | null>> {
    return this.check(this.values)
  }

  /** The message per field: the backend's, else the local one once touched. */
  get errors(): Partial<Record<F, string>> {
    const local = this.localErrors
    const out: Partial<Record<F, string>> = {}
    for (const f of this.fields) {
      const msg = this.serverErrors[f] ?? (this.touched[f] ? local[f] : null)
      if (msg) out[f] = msg
    }
    return out
  }

  get valid(): boolean {
    const local = this.localErrors
    return this.fields.every((f) => !local[f])
  }

  set(field: F, value: string): void {
    this.values[field] = value
    delete this.serverErrors[field]
  }

  touch(field: F): void {
    this.touched[field] = true
  }

  touchAll(): void {
    for (const f of this.fields) this.touched[f] = true
  }

  /** Replaces the values (e.g. from OCR); touched marks and backend messages go. */
  fill(values: Record<F, string>): void {
    this.values = { ...values }
    this.touched = {}
    this.serverErrors = {}
  }

  /** Empties the form: the values (full numbers) leave memory. */
  reset(): void {
    this.values = this.blank()
    this.touched = {}
    this.serverErrors = {}
  }

  /** Puts a backend error under the field `fieldOf` names; the field, or null. */
  fieldError(err: ServiceError, fieldOf: (err: ServiceError) => F | null | undefined): F | null {
    const field = fieldOf(err) ?? null
    if (field && this.fields.includes(field)) {
      this.serverErrors[field] = err.message
      return field
    }
    return null
  }

  /**
   * The step pattern: touches every field; refuses locally (null, nothing called) unless all
   * pass; calls `send`; on a failure naming a field, shows it under the field (`field`).
   */
  async submit<T>(
    send: (values: Record<F, string>) => Promise<Outcome<T>>,
    fieldOf: (err: ServiceError) => F | null | undefined = (err) => err.details.field as F | undefined
  ): Promise<(Outcome<T> & { field?: F | null }) | null> {
    this.touchAll()
    if (!this.valid) return null
    const r = await send(this.values)
    if (r.ok) return r
    return { ...r, field: this.fieldError(r.error, fieldOf) }
  }
}
