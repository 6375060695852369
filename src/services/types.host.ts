/**
 * The host console (会中签约, initiator side; H5 only): a verified person sets up a meeting from
 * a PDF they upload, places fields for each signer, and starts it. Operations are added here
 * and to HOST_OPERATIONS; the sandbox implements them in sandbox/host (a module loaded on
 * demand; the WeChat build refuses with UNSUPPORTED). Rules: docs/host.md.
 *
 * The set-up vocabulary is the domain's (src/domain/meeting/setup.ts): SignerDraft,
 * ObserverDraft, FieldDraft and checkMeetingDraft, which the console runs as the host types and
 * the backend runs again on createHostedMeeting (never trusting the client). Field types are the
 * contract model's (src/domain/contract/fields.ts): SIGN_SIGNATURE, SIGN_SEAL, SIGN_DATE,
 * SIGN_PAGING_SEAL, TEXT, CHECK_BOX. Field rects are page fractions (x, y, w, h in 0..1, origin
 * top-left), pages 0-based.
 *
 * Files travel as base64 inside the one JSON request (no chunking): the PDF as uploaded, and one
 * image per page that the host's browser rendered with pdfjs-dist (the phones show these; the
 * PDF of record stamps the original PDF). Limits: HOST_UPLOAD_LIMITS.
 */
import type { FieldDraft, ObserverDraft, SignerDraft, SignerKind } from '@/domain/meeting/setup'
// the limits come from an import-free module: types.ts re-exports this file, and anything it
// imports as a value lands on the landing route
import { HOST_PDF_MAX_BYTES, HOST_PDF_MAX_PAGES } from '@/domain/meeting/limits'

const MB = 1024 * 1024
import type { MeetingScreenLayout } from './types.common'

export type { FieldDraft, ObserverDraft, SignerDraft, SignerKind, MeetingScreenLayout }

/** Sizes the backend accepts in createHostedMeeting (the console checks them first). */
export const HOST_UPLOAD_LIMITS = {
  /** the PDF, bytes (20 MB) */
  pdfMaxBytes: HOST_PDF_MAX_BYTES,
  /** pages of the PDF (200) */
  pagesMax: HOST_PDF_MAX_PAGES,
  /** one page image, bytes (PNG or JPEG; render at ~1.5× of 72 dpi and JPEG for long files) */
  pageImageMaxBytes: 1 * MB,
  /** all page images together, bytes */
  pageImagesMaxBytes: 24 * MB,
  /** the screen's logo and background image, bytes each */
  screenImageMaxBytes: 2 * MB
} as const

/** One page as the host's browser rendered it. */
export interface HostPageUpload {
  /** The page's size in PDF points, unrotated (pdfjs `page.view` / getViewport({ scale: 1 })) */
  widthPt: number
  heightPt: number
  /** The rendered page: a data URL ('data:image/png;base64,…' / 'data:image/jpeg;base64,…') or bare base64 */
  image: string
}

export interface HostDocumentUpload {
  /** As picked, e.g. '战略合作协议.pdf' (shown to signers without the extension as the contract title) */
  fileName: string
  /** The PDF's bytes, base64 (no data: prefix needed; one is accepted) */
  pdfBase64: string
  /** One entry per page of the PDF, in order */
  pages: HostPageUpload[]
}

/** A field as placed in the console: the domain's FieldDraft plus what the contract needs. */
export interface HostFieldInput extends FieldDraft {
  /** Default true for SIGN_SIGNATURE, SIGN_SEAL, SIGN_PAGING_SEAL, SIGN_DATE; false for TEXT, CHECK_BOX */
  required?: boolean
  /** Shown on the phone, e.g. '乙方签名'; default from the type and the signer's role */
  label?: string
}

export interface CreateHostedMeetingInput {
  /** The host's session (a real-name + face verified person, from completeFace) */
  session: string
  meeting: { name: string; startsAt: number; endsAt: number }
  /** key: referenced by fields' signerKey; order 1-based (equal orders sign in any order) */
  signers: SignerDraft[]
  observers: ObserverDraft[]
  document: HostDocumentUpload
  fields: HostFieldInput[]
  /** Omitted: title = meeting name, no images. logo / background: data URLs or bare base64. */
  screen?: { title?: string; logo?: string | null; background?: string | null }
}

export type HostedMeetingStatus = 'SCHEDULED' | 'SIGNING' | 'COMPLETED' | 'CANCELLED' | 'DECLINED' | 'EXPIRED'

export interface HostInvite {
  /** 'SIGNER' or 'OBSERVER' */
  to: 'SIGNER' | 'OBSERVER'
  maskedName: string
  maskedMobile: string
  /** The SMS id in the outbox (sandbox dev.listSmsOutbox) */
  smsId: string
}

/** A meeting as its host sees it. */
export interface HostedMeeting {
  meetingId: string
  name: string
  startsAt: number
  endsAt: number
  status: HostedMeetingStatus
  /** The one flow of the meeting (all signers sign the uploaded contract) */
  flowId: string
  /** For getMeetingBoard (the screen) */
  boardKey: string
  /** The meeting screen's H5 URL, board key included (open it on the big screen) */
  screenLink: string
  /** The entry link the screen's QR encodes (phones scan it to join and sign) */
  signLink: string
  /** The entry payload inside signLink (encodePayload format) */
  payload: string
  /** SMS invites sent (signers + observers) */
  invites: HostInvite[]
  /** What checkMeetingDraft warned about, e.g. an enterprise signer without a seal field */
  warnings: string[]
  pageCount: number
  fileName: string
  createdAt: number
  /** When the host cancelled, else null */
  cancelledAt: number | null
}

export interface HostOperations {
  /**
   * Checks everything again (checkMeetingDraft, the PDF by its bytes and with a PDF parser, the
   * page count and sizes, every page image, every field inside its page), then creates the
   * signing flow (its pages are the uploaded page images; the PDF of record stamps the uploaded
   * PDF), the meeting board with the screen layout, and sends SMS invites with the signing
   * link to every signer and observer.
   * Errors: SESSION_* (not verified), MEETING_SETUP_INVALID (details.errors: path → Chinese, as
   * SetupReport.errors), FILE_TYPE_NOT_ALLOWED (not a PDF / page image not PNG or JPEG),
   * FILE_DAMAGED (a PDF that does not open), FILE_TOO_LARGE (details.maxBytes), INVALID_INPUT.
   */
  createHostedMeeting(input: CreateHostedMeetingInput): Promise<HostedMeeting>

  /** A meeting the session's person hosts (its board: getMeetingBoard with boardKey). */
  getHostedMeeting(input: { session: string; meetingId: string }): Promise<HostedMeeting>

  /** Every meeting the session's person hosts, newest first. */
  listHostedMeetings(input: { session: string }): Promise<HostedMeeting[]>

  /** Cancels the meeting's flow (pending signers can no longer sign). Reason 2–100 characters. */
  cancelHostedMeeting(input: { session: string; meetingId: string; reason: string }): Promise<HostedMeeting>
}

export const HOST_OPERATIONS: Record<keyof HostOperations, true> = {
  createHostedMeeting: true,
  getHostedMeeting: true,
  listHostedMeetings: true,
  cancelHostedMeeting: true
}

/** Error codes of this area (ServiceError.code), with the HTTP status each travels with. */
export type HostErrorCode =
  /** The set-up breaks a rule (details.errors: path → Chinese message; details.warnings) */
  | 'MEETING_SETUP_INVALID'
  /** This build has no host console (WeChat) */
  | 'UNSUPPORTED'

export const HOST_ERROR_STATUS: Record<HostErrorCode, number> = {
  MEETING_SETUP_INVALID: 422,
  UNSUPPORTED: 501
}
