import { makeAutoObservable, runInAction } from 'mobx'
import { bytesToBase64 } from '@/domain/base64'
import type { FieldType } from '@/domain/contract/fields'
import { checkMeetingDraft, type MeetingDraft, type SetupReport, type SignerKind } from '@/domain/meeting/setup'
import { toServiceError } from '@/services/errors'
import type { PdfRenderer } from '@/platform/pdfRenderTypes'
import type { SessionStore } from '@/stores/SessionStore'
import { MeetingDraftUnit } from './draft'
import { HostDocumentUnit, PAGE_IMAGES_MAX_BYTES, type PickedPdf } from './document'
import { FieldEditorUnit } from './fields'
import { ScreenLayoutUnit } from './layout'
import type { CreateHostedMeetingInput, HostedMeeting, HostService } from './service'

/** Codes that mean the host's session is gone: verify again, the draft stays. */
const SESSION_CODES = new Set(['SESSION_EXPIRED', 'SESSION_INVALID', 'UNAUTHORIZED'])

/**
 * The host console (会中签约, initiator side; H5): the meeting draft, the uploaded contract
 * and its pages, the fields per signer, the screen layout, and starting the meeting. Checks
 * are the domain's (checkMeetingDraft), run as the host types and shown once they try to
 * start. Nothing of the draft is dropped by a failure: a refused file, a network error or an
 * expired session leave every value, page and field where it was.
 */
export class HostStore {
  readonly meeting: MeetingDraftUnit
  readonly document: HostDocumentUnit
  readonly fields: FieldEditorUnit
  readonly layout: ScreenLayoutUnit
  /** The signer the palette places fields for */
  activeSignerKey: string | null = null
  /** The page shown in the editor (0-based) */
  currentPage = 0
  /** Errors show once the host has tried to start */
  showErrors = false
  starting = false
  startError: string | null = null
  /** Set when the meeting has started */
  result: HostedMeeting | null = null
  /** A notice after a file replaced the contract (fields dropped) */
  notice: string | null = null

  constructor(
    private readonly service: HostService,
    private readonly session: SessionStore,
    renderer: PdfRenderer,
    private readonly now: () => number
  ) {
    this.meeting = new MeetingDraftUnit(now())
    this.document = new HostDocumentUnit(renderer)
    this.fields = new FieldEditorUnit()
    this.layout = new ScreenLayoutUnit()
    this.activeSignerKey = this.meeting.signers[0]?.key ?? null
    makeAutoObservable<HostStore, 'service' | 'session' | 'now'>(this, {
      service: false,
      session: false,
      now: false,
      meeting: false,
      document: false,
      fields: false,
      layout: false
    })
  }

  /** The host is a verified person (a session on this device). */
  get verified(): boolean {
    return !!this.session.active
  }

  get hostName(): string {
    return this.session.active?.maskedName ?? ''
  }

  get draft(): MeetingDraft {
    const m = this.meeting
    return {
      name: m.name,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      signers: m.signers,
      observers: m.observers,
      document: this.document.loaded ? { fileName: this.document.fileName, pageCount: this.document.pageCount } : null,
      fields: this.fields.fields
    }
  }

  get report(): SetupReport {
    const r = checkMeetingDraft(this.draft, this.now())
    const errors = { ...r.errors }
    if (Number.isNaN(this.meeting.startsAt) || Number.isNaN(this.meeting.endsAt)) errors.time = '请按“2026-12-04 14:00”的格式填写开始和结束时间'
    if (this.document.loaded && !this.document.ready) errors.document = this.document.error ?? '合同页面仍在加载，请稍候'
    else if (this.document.imageBytes > PAGE_IMAGES_MAX_BYTES) errors.document = '合同页数过多，页面图片超过 24 MB，请拆分或压缩合同后上传'
    return { ok: Object.keys(errors).length === 0, errors, warnings: r.warnings }
  }

  /**
   * A note when the meeting starts later than now: the signers can read before the start but
   * not sign (the backend's MEETING_NOT_STARTED). Read when the form renders (not a live clock).
   */
  get laterStartNote(): string | null {
    const start = this.meeting.startsAt
    if (!Number.isFinite(start) || start <= this.now() + 60_000) return null
    return '会议开始前，签署方可扫码阅读合同，开始后才能签署'
  }

  /** The message to show at a path ('name', 'signers.0.mobile', 'fields.f2', …), once shown. */
  error(path: string): string | null {
    return this.showErrors ? (this.report.errors[path] ?? null) : null
  }

  /** Every blocking problem, for the summary above 开始会议 (after a try). */
  get errorList(): string[] {
    return this.showErrors ? Object.values(this.report.errors) : []
  }

  /** Enterprise signers without a seal field: shown at once, not only after a try. */
  get warnings(): string[] {
    return this.report.warnings
  }

  get activeSigner() {
    return this.meeting.signers.find((s) => s.key === this.activeSignerKey) ?? null
  }

  setActiveSigner(key: string): void {
    this.activeSignerKey = key
  }

  addSigner(kind: SignerKind): void {
    const key = this.meeting.addSigner(kind)
    if (key) this.activeSignerKey = key
  }

  removeSigner(key: string): void {
    this.meeting.removeSigner(key)
    this.fields.removeForSigner(key)
    if (this.activeSignerKey === key) this.activeSignerKey = this.meeting.signers[0]?.key ?? null
  }

  /** A signer turned personal keeps its seal fields only as errors to fix; none are dropped. */
  setSignerKind(key: string, kind: SignerKind): void {
    this.meeting.setSignerKind(key, kind)
  }

  setPage(page: number): void {
    if (page >= 0 && page < this.document.pageCount) this.currentPage = page
  }

  /** A picked contract: on success the editor goes to page 1 and fields past its end go. */
  async loadPdf(file: PickedPdf): Promise<boolean> {
    this.notice = null
    const pages = await this.document.load(file)
    if (pages === null) return false
    runInAction(() => {
      this.currentPage = 0
      const dropped = this.fields.keepPages(pages)
      if (dropped) this.notice = `新文件只有 ${pages} 页，已移除其后页面上的 ${dropped} 个控件`
    })
    return true
  }

  /** Places a field of `type` for the active signer on the current page, centred on (cx, cy). */
  placeField(type: FieldType, cx = 0.5, cy = 0.5): string | null {
    const signer = this.activeSigner
    if (!signer || !this.document.loaded) return null
    return this.fields.add(signer, type, this.currentPage, cx, cy, this.document.aspect(this.currentPage))
  }

  reassignField(fieldKey: string, signerKey: string): boolean {
    const s = this.meeting.signer(signerKey)
    return s ? this.fields.reassign(fieldKey, s) : false
  }

  /** 发起新的会议: after a meeting has started, a blank draft (the started one is not touched). */
  startOver(): void {
    this.meeting.reset(this.now())
    this.document.clear()
    this.fields.clear()
    this.layout.clear()
    this.activeSignerKey = this.meeting.signers[0]?.key ?? null
    this.currentPage = 0
    this.showErrors = false
    this.startError = null
    this.notice = null
    this.result = null
  }

  /** The service's input for the draft as it stands. */
  private input(token: string): CreateHostedMeetingInput {
    const doc = this.document
    const title = this.layout.title.trim()
    return {
      session: token,
      meeting: { name: this.meeting.name.trim(), startsAt: this.meeting.startsAt, endsAt: this.meeting.endsAt },
      signers: this.meeting.signers.map((s) => ({
        ...s,
        name: s.name.trim(),
        idNumber: s.idNumber.trim().toUpperCase(),
        mobile: s.mobile.trim(),
        role: s.role.trim(),
        ...(s.kind === 'ENTERPRISE'
          ? { company: (s.company ?? '').trim(), creditCode: (s.creditCode ?? '').trim().toUpperCase() }
          : { company: undefined, creditCode: undefined })
      })),
      observers: this.meeting.observers.map((o) => ({ name: o.name.trim(), mobile: o.mobile.trim() })),
      document: {
        fileName: doc.fileName,
        pdfBase64: bytesToBase64(doc.bytes!),
        pages: doc.pages.map((p) => ({ widthPt: p!.widthPt, heightPt: p!.heightPt, image: p!.url }))
      },
      fields: this.fields.fields.map((f) => ({ ...f })),
      screen: { title: title || undefined, logo: this.layout.logo?.dataUrl ?? null, background: this.layout.background?.dataUrl ?? null }
    }
  }

  /**
   * 开始会议: checks everything, then creates the meeting (flow, board, SMS invites). True when
   * started (`result`). On any failure the draft stays whole and `startError` says why; an
   * expired session signs the host out here so the page asks them to verify again.
   */
  async start(): Promise<boolean> {
    if (this.starting) return false
    this.showErrors = true
    this.startError = null
    const token = this.session.active?.token
    if (!token) {
      this.startError = '请先完成实名认证'
      return false
    }
    if (!this.report.ok) {
      this.startError = '请先修改标红的内容'
      return false
    }
    this.starting = true
    try {
      const result = await this.service.createHostedMeeting(this.input(token))
      runInAction(() => {
        this.starting = false
        this.result = result
      })
      return true
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.starting = false
        if (SESSION_CODES.has(err.code)) {
          this.session.clear()
          this.startError = '登录已过期，请重新完成实名认证；会议内容已保留'
        } else if (err.code === 'MEETING_SETUP_INVALID') {
          const errors = Object.values((err.details.errors as Record<string, string> | undefined) ?? {})
          this.startError = errors.length ? `${err.message}：${errors.join('；')}` : err.message
        } else {
          this.startError = err.message
        }
      })
      return false
    }
  }
}
