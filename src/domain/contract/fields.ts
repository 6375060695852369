/**
 * The fields model and the validation of a signer's values, shared by the UI (check before
 * submitting) and the backend (check again, never trust the client). Seal AUTHORISATION is the
 * backend's business (who may use which seal); acceptance by seal type is checked here.
 */
import { checkPngDataUrl } from './png'
import { isValidFractionRect, type FractionRect } from './geometry'
import { isDateFormat, type DateFormat } from './dateFormat'

/**
 * SIGN_SIGNATURE handwritten (or system) signature; SIGN_SEAL enterprise seal of accepted types;
 * SIGN_DATE stamped by the server at submission in the field's format; SIGN_PAGING_SEAL (骑缝章)
 * one seal split across the right edge of every page; TEXT typed by the signer (length/pattern);
 * CHECK_BOX ticked by the signer (a required one must be ticked).
 */
export type FieldType = 'SIGN_SIGNATURE' | 'SIGN_SEAL' | 'SIGN_DATE' | 'SIGN_PAGING_SEAL' | 'TEXT' | 'CHECK_BOX'
export type SealType = 'OFFICIAL' | 'CONTRACT' | 'FINANCE' | 'HR' | 'INVOICE'

export const FIELD_TYPES: readonly FieldType[] = ['SIGN_SIGNATURE', 'SIGN_SEAL', 'SIGN_DATE', 'SIGN_PAGING_SEAL', 'TEXT', 'CHECK_BOX']
export const SEAL_TYPES: readonly SealType[] = ['OFFICIAL', 'CONTRACT', 'FINANCE', 'HR', 'INVOICE']

/** What validation needs of a field (types.signing.ts `Field` is a superset). */
export interface FieldRules extends FractionRect {
  fieldId: string
  signerId: string
  type: FieldType
  page: number
  required: boolean
  label: string
  acceptedSealTypes?: SealType[]
  dateFormat?: DateFormat
  minLength?: number
  maxLength?: number
  pattern?: string
  patternHint?: string
}

/** A submitted value as it arrives (untrusted; types.signing.ts `SubmitValue` is the typed form). */
export interface RawFieldValue {
  fieldId?: unknown
  kind?: unknown
  png?: unknown
  signatureKind?: unknown
  sealId?: unknown
  text?: unknown
  checked?: unknown
  date?: unknown
}

export type FieldProblemCode = 'FIELD_REQUIRED' | 'FIELD_INVALID' | 'SIGNATURE_IMAGE_INVALID' | 'SYSTEM_SIGNATURE_NOT_ALLOWED' | 'SEAL_NOT_ACCEPTED'

export interface FieldProblem {
  code: FieldProblemCode
  fieldId: string
  /** Machine reason, e.g. TOO_LONG, PATTERN, KIND_MISMATCH, NOT_PNG */
  reason: string
  /** Chinese, fit for the user */
  message: string
}

export interface NormalizedValue {
  fieldId: string
  kind: FieldType
  /** SIGN_SIGNATURE: the PNG bytes in base64 (no prefix) and its size */
  pngBase64?: string
  pngWidth?: number
  pngHeight?: number
  signatureKind?: 'HANDWRITTEN' | 'SYSTEM'
  sealId?: string
  text?: string
  checked?: boolean
}

/** Length in characters (code points), so one Chinese character or emoji counts once. */
export function charLength(s: string): number {
  return [...s].length
}

/** Checks a TEXT value against its field; returns null when fine. */
export function checkText(field: FieldRules, raw: string): FieldProblem | null {
  const text = raw.trim()
  const p = (reason: string, message: string): FieldProblem => ({ code: 'FIELD_INVALID', fieldId: field.fieldId, reason, message })
  if (!text) {
    return field.required ? { code: 'FIELD_REQUIRED', fieldId: field.fieldId, reason: 'EMPTY', message: `请填写“${field.label}”` } : null
  }
  const n = charLength(text)
  if (field.maxLength !== undefined && n > field.maxLength) return p('TOO_LONG', `“${field.label}”最多${field.maxLength}个字`)
  if (field.minLength !== undefined && n < field.minLength) return p('TOO_SHORT', `“${field.label}”至少${field.minLength}个字`)
  if (field.pattern) {
    let re: RegExp
    try {
      re = new RegExp(`^(?:${field.pattern})$`, 'u')
    } catch {
      return null // a broken pattern in the contract must not block the signer
    }
    if (!re.test(text)) return p('PATTERN', field.patternHint ?? `“${field.label}”格式不正确`)
  }
  return null
}

/** Structural checks of a field definition (for contract data and tests). */
export function isValidField(f: FieldRules): boolean {
  if (!FIELD_TYPES.includes(f.type) || !f.fieldId || !f.signerId || !f.label) return false
  if (!Number.isInteger(f.page) || f.page < 0 || !isValidFractionRect(f)) return false
  if (f.type === 'SIGN_SEAL' || f.type === 'SIGN_PAGING_SEAL') {
    if (!f.acceptedSealTypes?.length || f.acceptedSealTypes.some((t) => !SEAL_TYPES.includes(t))) return false
  }
  if (f.type === 'SIGN_DATE' && !isDateFormat(f.dateFormat)) return false
  return true
}

export interface ValidateOptions {
  allowSystemSignature: boolean
  signatureApply: 'ALL_AT_ONCE' | 'PER_FIELD'
  /** Seal type of a seal id, or null when unknown */
  sealTypeOf: (sealId: string) => SealType | null
}

/**
 * Validates all of one signer's values against the signer's fields. Returns every problem
 * (first one first: unknown/duplicate values, then field order) and, when there are none, the
 * normalised values. SIGN_DATE fields need no value (the server stamps the date).
 */
export function validateSubmission(
  myFields: readonly FieldRules[],
  values: readonly RawFieldValue[],
  opts: ValidateOptions
): { problems: FieldProblem[]; values: NormalizedValue[] } {
  const problems: FieldProblem[] = []
  const byId = new Map(myFields.map((f) => [f.fieldId, f]))
  const given = new Map<string, RawFieldValue>()
  const invalid = (fieldId: string, reason: string, message: string) => problems.push({ code: 'FIELD_INVALID', fieldId, reason, message })

  for (const v of values) {
    const id = typeof v?.fieldId === 'string' ? v.fieldId : ''
    if (!byId.has(id)) invalid(id, 'UNKNOWN_FIELD', '提交的内容与合同中您的签署区不符，请刷新后重试')
    else if (given.has(id)) invalid(id, 'DUPLICATE', `“${byId.get(id)!.label}”重复提交`)
    else given.set(id, v)
  }

  const out: NormalizedValue[] = []
  const pngs: { fieldId: string; base64: string }[] = []
  for (const f of myFields) {
    const v = given.get(f.fieldId)
    if (v && v.kind !== f.type) {
      invalid(f.fieldId, 'KIND_MISMATCH', `“${f.label}”的填写方式不正确，请刷新后重试`)
      continue
    }
    switch (f.type) {
      case 'SIGN_DATE':
        out.push({ fieldId: f.fieldId, kind: f.type })
        break
      case 'SIGN_SIGNATURE': {
        if (!v || v.png === undefined || v.png === null || v.png === '') {
          if (f.required) problems.push({ code: 'FIELD_REQUIRED', fieldId: f.fieldId, reason: 'EMPTY', message: `请在“${f.label}”处签名` })
          break
        }
        const kind = v.signatureKind === 'SYSTEM' ? 'SYSTEM' : v.signatureKind === 'HANDWRITTEN' ? 'HANDWRITTEN' : null
        if (!kind) {
          invalid(f.fieldId, 'SIGNATURE_KIND', '签名类型不正确，请重新签名')
          break
        }
        if (kind === 'SYSTEM' && !opts.allowSystemSignature) {
          problems.push({
            code: 'SYSTEM_SIGNATURE_NOT_ALLOWED',
            fieldId: f.fieldId,
            reason: 'SYSTEM_SIGNATURE',
            message: '本合同要求手写签名，不能使用系统签名'
          })
          break
        }
        const png = checkPngDataUrl(v.png)
        if (!png.ok) {
          problems.push({ code: 'SIGNATURE_IMAGE_INVALID', fieldId: f.fieldId, reason: png.problem, message: png.message })
          break
        }
        pngs.push({ fieldId: f.fieldId, base64: png.base64 })
        out.push({ fieldId: f.fieldId, kind: f.type, pngBase64: png.base64, pngWidth: png.width, pngHeight: png.height, signatureKind: kind })
        break
      }
      case 'SIGN_SEAL':
      case 'SIGN_PAGING_SEAL': {
        const sealId = v && typeof v.sealId === 'string' ? v.sealId : ''
        if (!sealId) {
          if (f.required) problems.push({ code: 'FIELD_REQUIRED', fieldId: f.fieldId, reason: 'EMPTY', message: `请为“${f.label}”选择印章` })
          break
        }
        const t = opts.sealTypeOf(sealId)
        if (!t) {
          invalid(f.fieldId, 'UNKNOWN_SEAL', '所选印章不存在，请重新选择')
          break
        }
        if (!(f.acceptedSealTypes ?? []).includes(t)) {
          problems.push({ code: 'SEAL_NOT_ACCEPTED', fieldId: f.fieldId, reason: 'SEAL_TYPE', message: `“${f.label}”不接受该类型的印章，请重新选择` })
          break
        }
        out.push({ fieldId: f.fieldId, kind: f.type, sealId })
        break
      }
      case 'TEXT': {
        if (v && v.text !== undefined && typeof v.text !== 'string') {
          invalid(f.fieldId, 'NOT_TEXT', `“${f.label}”格式不正确`)
          break
        }
        const text = v ? ((v.text as string | undefined) ?? '') : ''
        const p = checkText(f, text)
        if (p) problems.push(p)
        else if (text.trim()) out.push({ fieldId: f.fieldId, kind: f.type, text: text.trim() })
        break
      }
      case 'CHECK_BOX': {
        if (v && typeof v.checked !== 'boolean') {
          invalid(f.fieldId, 'NOT_BOOLEAN', `“${f.label}”格式不正确`)
          break
        }
        const checked = v ? (v.checked as boolean) : false
        if (f.required && !checked) {
          problems.push({ code: 'FIELD_REQUIRED', fieldId: f.fieldId, reason: 'NOT_CHECKED', message: `请勾选“${f.label}”` })
          break
        }
        out.push({ fieldId: f.fieldId, kind: f.type, checked })
        break
      }
    }
  }

  if (opts.signatureApply === 'ALL_AT_ONCE' && new Set(pngs.map((p) => p.base64)).size > 1) {
    invalid(pngs[1].fieldId, 'SIGNATURE_NOT_UNIFORM', '本合同要求所有签名处使用同一个签名')
  }
  return { problems, values: problems.length ? [] : out }
}
