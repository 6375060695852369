/**
 * The host's meeting set-up (会中签约, initiator side): the meeting, its signers and observers,
 * the contract document and the fields placed on it. Pure rules shared by the host console
 * (check as the host types) and the backend (check again when the meeting starts).
 */
import { validateCreditCode } from '@/domain/creditCode'
import type { FieldType } from '@/domain/contract/fields'
import { isValidFractionRect, type FractionRect } from '@/domain/contract/geometry'
import { validateMobile, validatePersonName, validateResidentId } from '@/domain/identity'
import { HOST_PDF_MAX_BYTES, HOST_PDF_MAX_PAGES } from './limits'

export type SignerKind = 'PERSON' | 'ENTERPRISE'

export interface SignerDraft {
  /** stable key in the draft (fields refer to it) */
  key: string
  kind: SignerKind
  name: string
  idNumber: string
  mobile: string
  /** ENTERPRISE: the company the person signs for */
  company?: string
  /** ENTERPRISE: its unified social credit code */
  creditCode?: string
  /** e.g. 甲方, 乙方 */
  role: string
  /** signing order, 1-based; equal numbers sign in parallel */
  order: number
}

export interface ObserverDraft {
  name: string
  mobile: string
}

export interface FieldDraft extends FractionRect {
  key: string
  signerKey: string
  type: FieldType
  /** 0-based */
  page: number
}

export interface MeetingDraft {
  name: string
  /** ms */
  startsAt: number
  endsAt: number
  signers: SignerDraft[]
  observers: ObserverDraft[]
  document: { fileName: string; pageCount: number } | null
  fields: FieldDraft[]
}

export const MEETING_LIMITS = {
  nameMax: 50,
  signersMax: 20,
  observersMax: 20,
  roleMax: 10,
  companyMax: 60,
  /** a meeting lasts at most this long */
  durationMaxMs: 7 * 24 * 3600 * 1000,
  /** the smallest field side, as a page fraction */
  fieldMin: 0.02
} as const

/** Which field types a signer of each kind may be given. */
export const FIELD_TYPES_FOR: Record<SignerKind, readonly FieldType[]> = {
  PERSON: ['SIGN_SIGNATURE', 'SIGN_DATE', 'TEXT', 'CHECK_BOX'],
  ENTERPRISE: ['SIGN_SEAL', 'SIGN_PAGING_SEAL', 'SIGN_SIGNATURE', 'SIGN_DATE', 'TEXT', 'CHECK_BOX']
}

export interface SetupReport {
  ok: boolean
  /** blocking problems, by path: 'name', 'signers.2.idNumber', 'fields.f3', 'document', … */
  errors: Record<string, string>
  /** allowed, but the host should look again */
  warnings: string[]
}

function checkSigner(s: SignerDraft, i: number, now: number, errors: Record<string, string>): void {
  const at = (f: string) => `signers.${i}.${f}`
  const name = validatePersonName(s.name)
  if (!name.ok) errors[at('name')] = name.message
  const id = validateResidentId(s.idNumber, now)
  if (!id.ok) errors[at('idNumber')] = id.message
  const mobile = validateMobile(s.mobile)
  if (!mobile.ok) errors[at('mobile')] = mobile.message
  const role = (s.role ?? '').trim()
  if (!role) errors[at('role')] = '请填写签署方角色，如“甲方”'
  else if (Array.from(role).length > MEETING_LIMITS.roleMax) errors[at('role')] = `角色不能超过${MEETING_LIMITS.roleMax}个字`
  if (!Number.isInteger(s.order) || s.order < 1 || s.order > MEETING_LIMITS.signersMax) errors[at('order')] = '签署顺序应为 1 到 20 的整数'
  if (s.kind === 'ENTERPRISE') {
    const company = (s.company ?? '').trim()
    if (Array.from(company).length < 4) errors[at('company')] = '请填写企业全称（与营业执照一致）'
    else if (Array.from(company).length > MEETING_LIMITS.companyMax) errors[at('company')] = `企业名称不能超过${MEETING_LIMITS.companyMax}个字`
    const code = validateCreditCode(s.creditCode ?? '')
    if (!code.ok) errors[at('creditCode')] = code.message
  }
}

/** Checks the whole draft. `now` decides whether the end time is still ahead. */
export function checkMeetingDraft(d: MeetingDraft, now: number): SetupReport {
  const errors: Record<string, string> = {}
  const warnings: string[] = []
  const name = (d.name ?? '').trim()
  if (!name) errors.name = '请填写会议名称'
  else if (Array.from(name).length > MEETING_LIMITS.nameMax) errors.name = `会议名称不能超过${MEETING_LIMITS.nameMax}个字`
  if (!Number.isFinite(d.startsAt) || !Number.isFinite(d.endsAt)) errors.time = '请选择会议开始和结束时间'
  else if (d.endsAt <= d.startsAt) errors.time = '结束时间应晚于开始时间'
  else if (d.endsAt <= now) errors.time = '结束时间已过，请重新选择'
  else if (d.endsAt - d.startsAt > MEETING_LIMITS.durationMaxMs) errors.time = '会议时长不能超过 7 天'

  if (!d.signers.length) errors.signers = '请至少添加一位签署方'
  else if (d.signers.length > MEETING_LIMITS.signersMax) errors.signers = `签署方不能超过${MEETING_LIMITS.signersMax}位`
  d.signers.forEach((s, i) => checkSigner(s, i, now, errors))
  const ids = new Map<string, number>()
  d.signers.forEach((s, i) => {
    const id = (s.idNumber ?? '').trim().toUpperCase()
    const kindKey = `${s.kind}:${id}:${(s.company ?? '').trim()}`
    if (id && ids.has(kindKey)) errors[`signers.${i}.idNumber`] = `与第 ${ids.get(kindKey)! + 1} 位签署方重复`
    else ids.set(kindKey, i)
  })
  if (d.observers.length > MEETING_LIMITS.observersMax) errors.observers = `观察员不能超过${MEETING_LIMITS.observersMax}位`
  d.observers.forEach((o, i) => {
    const n = validatePersonName(o.name)
    if (!n.ok) errors[`observers.${i}.name`] = n.message
    const m = validateMobile(o.mobile)
    if (!m.ok) errors[`observers.${i}.mobile`] = m.message
  })

  if (!d.document) errors.document = '请上传合同 PDF'
  const byKey = new Map(d.signers.map((s) => [s.key, s]))
  for (const f of d.fields) {
    const signer = byKey.get(f.signerKey)
    const at = `fields.${f.key}`
    if (!signer) errors[at] = '该控件的签署方已被删除，请重新指定'
    else if (!FIELD_TYPES_FOR[signer.kind].includes(f.type)) errors[at] = '个人签署方不能使用印章控件'
    else if (d.document && (!Number.isInteger(f.page) || f.page < 0 || f.page >= d.document.pageCount)) errors[at] = '控件所在页不存在'
    else if (!isValidFractionRect(f) || f.w < MEETING_LIMITS.fieldMin || f.h < MEETING_LIMITS.fieldMin) errors[at] = '控件超出页面或过小'
  }
  d.signers.forEach((s, i) => {
    const mine = d.fields.filter((f) => f.signerKey === s.key)
    const label = `第 ${i + 1} 位签署方（${(s.role ?? '').trim() || (s.name ?? '').trim() || '未命名'}）`
    if (!mine.some((f) => f.type === 'SIGN_SIGNATURE' || f.type === 'SIGN_SEAL')) {
      errors[`signers.${i}.fields`] = `请为${label}放置签名或印章控件`
    } else if (s.kind === 'ENTERPRISE' && !mine.some((f) => f.type === 'SIGN_SEAL')) {
      warnings.push(`${label}是企业签署方，但没有企业印章控件，将只签名不盖章`)
    }
  })
  return { ok: Object.keys(errors).length === 0, errors, warnings }
}

/** Moves a field by (dx, dy) page fractions, kept inside the page. */
export function moveField(r: FractionRect, dx: number, dy: number): FractionRect {
  return { ...r, x: clamp(r.x + dx, 0, 1 - r.w), y: clamp(r.y + dy, 0, 1 - r.h) }
}

/** Resizes a field from its bottom-right corner, at least fieldMin and inside the page. */
export function resizeField(r: FractionRect, dw: number, dh: number): FractionRect {
  return {
    ...r,
    w: clamp(r.w + dw, MEETING_LIMITS.fieldMin, 1 - r.x),
    h: clamp(r.h + dh, MEETING_LIMITS.fieldMin, 1 - r.y)
  }
}

/** A new field of `type` centred on a point (fractions), with the type's usual size. */
export function fieldAt(type: FieldType, cx: number, cy: number, pageAspect: number): FractionRect {
  // sizes in fractions of the page width; heights follow the page's aspect (height / width)
  const width = type === 'SIGN_SEAL' || type === 'SIGN_PAGING_SEAL' ? 0.2 : type === 'CHECK_BOX' ? 0.04 : type === 'SIGN_SIGNATURE' ? 0.25 : 0.22
  const height = (type === 'SIGN_SEAL' || type === 'SIGN_PAGING_SEAL' ? 0.2 : type === 'CHECK_BOX' ? 0.04 : type === 'SIGN_SIGNATURE' ? 0.1 : 0.05) / pageAspect
  return moveField({ x: cx - width / 2, y: cy - height / 2, w: width, h: height }, 0, 0)
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi))
}

/** The contract a host uploads: a PDF by its bytes (fileType.ts), at most 20 MB and 200 pages (limits.ts). */
export { HOST_PDF_MAX_BYTES, HOST_PDF_MAX_PAGES }

/** The page count, once the PDF has been opened; null when acceptable. */
export function checkPageCount(pages: number): string | null {
  if (!Number.isInteger(pages) || pages < 1) return '该 PDF 没有可显示的页面，请检查文件'
  if (pages > HOST_PDF_MAX_PAGES) return `合同不能超过 ${HOST_PDF_MAX_PAGES} 页（该文件有 ${pages} 页）`
  return null
}
