/**
 * The shared vocabulary of the service interface: flows, signers, parties, SMS tickets,
 * sessions, meeting views and demo listings. The area files (types.signing.ts,
 * types.enterprise.ts) and types.ts (which composes the whole interface) import from here;
 * this file imports none of them, so the type modules form no cycle.
 */

export type FlowKind = 'PERSONAL' | 'ENTERPRISE_PERSONAL' | 'STRATEGIC'
export type FlowStatus = 'SIGNING' | 'COMPLETED' | 'EXPIRED' | 'CANCELLED' | 'DECLINED'
export type SignerStatus = 'PENDING' | 'SIGNED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED'
export type PartyType = 'PERSON' | 'ENTERPRISE'
export type SmsPurpose = 'REAL_NAME' | 'INTENT' | 'LEGAL_REP' | 'ENTERPRISE_ADMIN'

export interface SignerView {
  signerId: string
  /** 1-based signing order within the flow (equal numbers sign in any order) */
  order: number
  partyType: PartyType
  /** Enterprise name for an enterprise signer, else null */
  enterpriseName: string | null
  /** Masked person name, e.g. 张* */
  maskedName: string
  /** Masked mobile, e.g. 138****5678 */
  maskedMobile: string
  /** What the signer does for the party, e.g. 法定代表人, 经办人 */
  roleLabel: string
  status: SignerStatus
  signedAt: number | null
}

export interface PartyView {
  partyType: PartyType
  /** Enterprise name, or the masked person name */
  name: string
}

export interface FlowSummary {
  flowId: string
  title: string
  kind: FlowKind
  status: FlowStatus
  /** Initiating enterprise or person (display name) */
  initiator: string
  /** Meeting (会中签约) name, for strategic signings */
  meetingName: string | null
  createdAt: number
  deadline: number
  /** When status became COMPLETED/CANCELLED/DECLINED, else null */
  closedAt: number | null
  /** Reason given when cancelled/declined */
  closedReason: string | null
  parties: PartyView[]
  signers: SignerView[]
  pageCount: number
}

/** A flow in 我的合同: which of its signers are the caller (by the backend's identity, not names). */
export interface MyFlowSummary extends FlowSummary {
  /** The caller's own signer entries (a person may sign for themselves and for a company) */
  mySignerIds: string[]
}

export interface FlowOverview extends FlowSummary {
  /** The caller's own signer entry in this flow */
  mySignerId: string
}

/** What a scanned link opens, before anyone has verified. Status is included so that
 * expired, cancelled and finished flows can be shown read-only. */
export interface EntryResolution {
  flow: FlowSummary
  /** Masked names of the people this link is meant for (strategic signings) */
  intendedFor: string[]
  linkExpiresAt: number
}

export interface SmsTicket {
  /** Masked mobile the code went to */
  sentTo: string
  /** When the code stops working */
  expiresAt: number
  /** Earliest time a new code can be asked for */
  resendAt: number
}

export interface RealNameResult {
  /** Ticket for the face step */
  verificationId: string
  /** Face verification must follow before a session is issued */
  faceRequired: true
  maskedName: string
}

/** What the device may keep: no full ID or phone number. */
export interface SessionInfo {
  token: string
  expiresAt: number
  maskedName: string
  maskedId: string
  maskedMobile: string
}

/** A simulated liveness capture, produced by src/platform/face. */
export interface FaceCapture {
  /** How the capture was made: 'camera' (real frames sampled) or 'simulated' */
  source: 'camera' | 'simulated'
  /** Number of frames the liveness check looked at */
  frames: number
  /** Liveness action the user was asked to perform */
  action: 'blink' | 'nod' | 'mouth'
  /** True when the user finished the action within the time */
  completed: boolean
}

/** One flow on a meeting screen (会中签约): its signing link and each signer's progress. */
export interface MeetingFlowView {
  flowId: string
  title: string
  status: FlowStatus
  /** The link the screen's QR code encodes (the entry payload format) */
  signLink: string
  signers: SignerView[]
  signedCount: number
}

/** What a hosted meeting's screen (大屏) shows besides the progress. Images as data URLs (PNG/JPEG). */
export interface MeetingScreenLayout {
  /** Default: the meeting name */
  title: string
  logo: string | null
  background: string | null
}

/** What the initiator's meeting screen shows; polled while it is open. */
export interface MeetingBoard {
  meetingId: string
  name: string
  flows: MeetingFlowView[]
  /** Every signer of every flow has signed */
  allSigned: boolean
  /** The host's screen layout (hosted meetings, types.host.ts); absent for the demo meetings */
  layout?: MeetingScreenLayout | null
  /** Backend time of this answer */
  at: number
}

export interface DemoMeeting {
  meetingId: string
  name: string
  /** The meeting screen (H5), with its board key */
  screenLink: string
  flowIds: string[]
}

export interface DemoLink {
  label: string
  description: string
  flowId: string
  link: string
  payload: string
  /** A demo identity that can open it (for testers) */
  hint: string
}

export interface DemoIdentity {
  label: string
  name: string
  idNumber: string
  mobile: string
  note: string
}

export interface SmsMessage {
  id: string
  /** Masked mobile */
  to: string
  text: string
  sentAt: number
}
