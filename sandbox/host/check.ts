/**
 * The host module's input checks (never trusting the console): the shape of the request, the
 * meeting rules of the domain (checkMeetingDraft), the uploaded files by their bytes and sizes.
 * The PDF is opened with pdf-lib afterwards (opsHost.ts), outside the synchronous runner.
 */
import { base64ToBytes } from '@/domain/base64'
import { FIELD_TYPES } from '@/domain/contract/fields'
import { checkFile, sizeLabel, type FileKind } from '@/domain/fileType'
import { validateMobile, validateResidentId } from '@/domain/identity'
import { checkMeetingDraft, type FieldDraft, type MeetingDraft, type ObserverDraft, type SignerDraft } from '@/domain/meeting/setup'
import { ServiceError } from '@/services/errors'
import { HOST_UPLOAD_LIMITS, type FieldType } from '@/services/types'
import { invalid } from '../core/input'

export const FIELD_LABEL: Record<FieldType, string> = {
  SIGN_SIGNATURE: '签名',
  SIGN_SEAL: '企业印章',
  SIGN_DATE: '签署日期',
  SIGN_PAGING_SEAL: '骑缝章',
  TEXT: '填写内容',
  CHECK_BOX: '勾选确认'
}

export interface CheckedPage {
  widthPt: number
  heightPt: number
  bytes: Uint8Array
  mime: 'image/png' | 'image/jpeg'
}

export interface CheckedField extends FieldDraft {
  required: boolean
  label: string
}

export interface CheckedSetup {
  draft: MeetingDraft & { document: { fileName: string; pageCount: number } }
  fields: CheckedField[]
  pdf: Uint8Array
  pages: CheckedPage[]
  screen: { title: string; logo: CheckedImage | null; background: CheckedImage | null }
  warnings: string[]
}

export interface CheckedImage {
  bytes: Uint8Array
  mime: string
}

const MIME: Record<FileKind, string> = { PNG: 'image/png', JPEG: 'image/jpeg', PDF: 'application/pdf' }

function obj(v: unknown, field: string, message: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalid(field, message)
  return v as Record<string, unknown>
}

function arr(v: unknown, field: string, message: string): unknown[] {
  if (!Array.isArray(v)) throw invalid(field, message)
  return v
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN)

/** Bytes of base64 or of a data URL's payload; null when it is not base64. */
export function decodeUpload(v: unknown): Uint8Array | null {
  if (typeof v !== 'string' || !v) return null
  const comma = v.startsWith('data:') ? v.indexOf(',') : -1
  return base64ToBytes(comma >= 0 ? v.slice(comma + 1) : v)
}

/** The decoded size of base64 text, without decoding (to refuse what is too big first). */
function decodedSize(v: string): number {
  return Math.floor((v.length * 3) / 4)
}

function image(v: unknown, field: string, what: string, maxBytes: number, extra: Record<string, unknown> = {}): CheckedImage {
  if (typeof v === 'string' && decodedSize(v) > maxBytes + 4096) {
    throw new ServiceError('FILE_TOO_LARGE', `${what}过大，请不超过 ${sizeLabel(maxBytes)}`, { field, maxBytes, ...extra })
  }
  const bytes = decodeUpload(v)
  if (!bytes) throw new ServiceError('FILE_TYPE_NOT_ALLOWED', `${what}缺失或编码不正确，请重新上传`, { field, ...extra })
  const c = checkFile(bytes, { accept: ['PNG', 'JPEG'], maxBytes })
  if (!c.ok) {
    if (c.code === 'FILE_TOO_LARGE')
      throw new ServiceError('FILE_TOO_LARGE', `${what}过大（${sizeLabel(bytes.length)}），请不超过 ${sizeLabel(maxBytes)}`, { field, maxBytes, ...extra })
    if (c.code === 'FILE_TRUNCATED') throw new ServiceError('FILE_DAMAGED', `${what}不完整或已损坏，请重新上传`, { field, ...extra })
    throw new ServiceError('FILE_TYPE_NOT_ALLOWED', `${what}不是 PNG 或 JPG 图片，请重新上传`, { field, ...extra })
  }
  return { bytes, mime: MIME[c.value.kind] }
}

function signerOf(v: unknown, i: number): SignerDraft {
  const o = obj(v, `signers.${i}`, `第 ${i + 1} 位签署方的信息不完整`)
  const kind = o.kind === 'ENTERPRISE' ? 'ENTERPRISE' : o.kind === 'PERSON' ? 'PERSON' : null
  if (!kind) throw invalid(`signers.${i}.kind`, `第 ${i + 1} 位签署方的类型不正确（个人或企业）`)
  return {
    key: str(o.key) || `s${i + 1}`,
    kind,
    name: str(o.name).trim(),
    idNumber: str(o.idNumber).trim().toUpperCase(),
    mobile: str(o.mobile).trim(),
    company: kind === 'ENTERPRISE' ? str(o.company).trim() : undefined,
    creditCode: kind === 'ENTERPRISE' ? str(o.creditCode).trim().toUpperCase() : undefined,
    role: str(o.role).trim(),
    order: num(o.order)
  }
}

function fieldOf(v: unknown, i: number): CheckedField {
  const o = obj(v, `fields.${i}`, `第 ${i + 1} 个控件的信息不完整`)
  const type = FIELD_TYPES.find((t) => t === o.type)
  if (!type) throw invalid(`fields.${i}.type`, `第 ${i + 1} 个控件的类型不正确`)
  const label = str(o.label).trim()
  if (Array.from(label).length > 20) throw invalid(`fields.${i}.label`, `第 ${i + 1} 个控件的名称不能超过20个字`)
  const required = typeof o.required === 'boolean' ? o.required : type !== 'TEXT' && type !== 'CHECK_BOX'
  return {
    key: str(o.key) || `f${i + 1}`,
    signerKey: str(o.signerKey),
    type,
    page: type === 'SIGN_PAGING_SEAL' ? 0 : num(o.page),
    x: num(o.x),
    y: num(o.y),
    w: num(o.w),
    h: num(o.h),
    required,
    label
  }
}

/** A Chinese sentence for the first problem of a set-up report, naming the signer or page. */
function firstProblem(errors: Record<string, string>, d: MeetingDraft): string {
  const [path, message] = Object.entries(errors)[0]
  const m = /^(signers|observers)\.(\d+)\./.exec(path)
  if (m) return `第 ${Number(m[2]) + 1} 位${m[1] === 'signers' ? '签署方' : '观察员'}：${message}`
  const f = /^fields\.(.+)$/.exec(path)
  if (f) {
    const field = d.fields.find((x) => x.key === f[1])
    if (field) return `第 ${Number.isInteger(field.page) ? field.page + 1 : '?'} 页的${FIELD_LABEL[field.type]}控件：${message}`
  }
  return message
}

/** Everything that can be checked without opening the PDF. Throws the first problem as a ServiceError. */
export function checkSetup(o: Record<string, unknown>, now: number): CheckedSetup {
  const meeting = obj(o.meeting, 'meeting', '缺少会议信息')
  const signers = arr(o.signers, 'signers', '缺少签署方').map(signerOf)
  const observers = arr(o.observers ?? [], 'observers', '观察员格式不正确').map((v, i): ObserverDraft => {
    const x = obj(v, `observers.${i}`, `第 ${i + 1} 位观察员的信息不完整`)
    return { name: str(x.name).trim(), mobile: str(x.mobile).trim() }
  })
  const fields = arr(o.fields, 'fields', '缺少签署控件').map(fieldOf)
  const doc = obj(o.document, 'document', '请上传合同 PDF')
  const pagesIn = arr(doc.pages, 'document.pages', '缺少合同页面图片，请重新上传 PDF')
  const fileName = str(doc.fileName).trim()
  if (!fileName || Array.from(fileName).length > 100) throw invalid('document.fileName', '合同文件名缺失或过长（最多100个字）')

  // ---- the meeting rules (the console ran them too)
  const draft = {
    name: str(meeting.name).trim(),
    startsAt: num(meeting.startsAt),
    endsAt: num(meeting.endsAt),
    signers,
    observers,
    document: { fileName, pageCount: pagesIn.length },
    fields
  }
  const report = checkMeetingDraft(draft, now)
  const errors = { ...report.errors }
  const keys = new Set<string>()
  signers.forEach((s, i) => {
    if (keys.has(s.key)) errors[`signers.${i}.key`] = '签署方编号重复'
    keys.add(s.key)
  })
  // one mobile number is one person: two signers with one number must be the same person
  const mobiles = new Map<string, number>()
  signers.forEach((s, i) => {
    const m = validateMobile(s.mobile)
    const id = validateResidentId(s.idNumber, now)
    if (!m.ok || !id.ok) return
    const first = mobiles.get(m.value)
    if (first === undefined) mobiles.set(m.value, i)
    else if (signers[first].idNumber !== s.idNumber && !errors[`signers.${i}.mobile`]) errors[`signers.${i}.mobile`] = `手机号与第 ${first + 1} 位签署方重复`
  })
  if (Object.keys(errors).length) {
    throw new ServiceError('MEETING_SETUP_INVALID', firstProblem(errors, draft), { errors, warnings: report.warnings })
  }

  // ---- the files, by their bytes
  const pdfText = doc.pdfBase64
  if (typeof pdfText === 'string' && decodedSize(pdfText) > HOST_UPLOAD_LIMITS.pdfMaxBytes + 4096) {
    throw new ServiceError('FILE_TOO_LARGE', `合同 PDF 过大，请上传不超过 ${sizeLabel(HOST_UPLOAD_LIMITS.pdfMaxBytes)} 的文件`, {
      field: 'document.pdfBase64',
      maxBytes: HOST_UPLOAD_LIMITS.pdfMaxBytes
    })
  }
  const pdf = decodeUpload(pdfText)
  if (!pdf) throw new ServiceError('FILE_TYPE_NOT_ALLOWED', '合同文件缺失或编码不正确，请重新上传 PDF', { field: 'document.pdfBase64' })
  const c = checkFile(pdf, { accept: ['PDF'], maxBytes: HOST_UPLOAD_LIMITS.pdfMaxBytes })
  if (!c.ok) {
    if (c.code === 'FILE_TOO_LARGE')
      throw new ServiceError('FILE_TOO_LARGE', c.message, { field: 'document.pdfBase64', maxBytes: HOST_UPLOAD_LIMITS.pdfMaxBytes })
    if (c.code === 'FILE_TRUNCATED') throw new ServiceError('FILE_DAMAGED', 'PDF 文件不完整或已损坏，请重新选择', { field: 'document.pdfBase64' })
    throw new ServiceError('FILE_TYPE_NOT_ALLOWED', `“${fileName}”不是 PDF 文件（按文件内容识别），请上传 PDF 格式的合同`, { field: 'document.pdfBase64' })
  }
  if (pagesIn.length > HOST_UPLOAD_LIMITS.pagesMax) {
    throw new ServiceError('MEETING_SETUP_INVALID', `合同不能超过 ${HOST_UPLOAD_LIMITS.pagesMax} 页（该文件有 ${pagesIn.length} 页）`, {
      errors: { document: `合同不能超过 ${HOST_UPLOAD_LIMITS.pagesMax} 页` }
    })
  }
  let total = 0
  const pages = pagesIn.map((v, i): CheckedPage => {
    const p = obj(v, `document.pages.${i}`, `第 ${i + 1} 页的信息不完整`)
    const widthPt = num(p.widthPt)
    const heightPt = num(p.heightPt)
    if (!(widthPt >= 36 && widthPt <= 14400 && heightPt >= 36 && heightPt <= 14400)) {
      throw invalid(`document.pages.${i}`, `第 ${i + 1} 页的尺寸不正确`, { page: i })
    }
    const img = image(p.image, `document.pages.${i}.image`, `第 ${i + 1} 页的页面图片`, HOST_UPLOAD_LIMITS.pageImageMaxBytes, { page: i })
    total += img.bytes.length
    if (total > HOST_UPLOAD_LIMITS.pageImagesMaxBytes) {
      throw new ServiceError('FILE_TOO_LARGE', `页面图片合计超过 ${sizeLabel(HOST_UPLOAD_LIMITS.pageImagesMaxBytes)}，请降低预览清晰度后重试`, {
        field: 'document.pages',
        maxBytes: HOST_UPLOAD_LIMITS.pageImagesMaxBytes,
        page: i
      })
    }
    return { widthPt, heightPt, bytes: img.bytes, mime: img.mime as CheckedPage['mime'] }
  })

  // ---- the screen
  const screen = o.screen === undefined || o.screen === null ? {} : obj(o.screen, 'screen', '大屏设置格式不正确')
  const title = str(screen.title).trim() || draft.name
  if (Array.from(title).length > 50) throw invalid('screen.title', '大屏标题不能超过50个字')
  const max = HOST_UPLOAD_LIMITS.screenImageMaxBytes
  const logo = screen.logo ? image(screen.logo, 'screen.logo', '大屏标志图片', max) : null
  const background = screen.background ? image(screen.background, 'screen.background', '大屏背景图片', max) : null

  const byKey = new Map(signers.map((s) => [s.key, s]))
  for (const f of fields) if (!f.label) f.label = `${byKey.get(f.signerKey)?.role ?? ''}${FIELD_LABEL[f.type]}`
  return { draft, fields, pdf, pages, screen: { title, logo, background }, warnings: report.warnings }
}
