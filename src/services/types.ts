/**
 * The one typed interface between the app and its backend (docs/service-contract.md).
 * Two implementations: SandboxService (in-process simulation) and HttpService (Taro.request).
 * The UI and the stores only ever see `InkSealService`.
 *
 * Conventions
 * - Every operation takes one input object and resolves with one output object, or rejects
 *   with a `ServiceError` (errors.ts) whose `code` is one of `ErrorCode` and whose `message`
 *   is Chinese text fit to show to the user.
 * - Operations that act for a verified person take `session` (the token from `completeFace`).
 * - Times are epoch milliseconds. Personal data leaves the backend masked, except where the
 *   person themselves typed it.
 */

import { ENTERPRISE_OPERATIONS, type EnterpriseDevTools, type EnterpriseOperations } from './types.enterprise'
import { SIGNING_OPERATIONS, type SigningDevTools, type SigningOperations } from './types.signing'

export * from './types.signing'
export * from './types.enterprise'

export type FlowKind = 'PERSONAL' | 'ENTERPRISE_PERSONAL' | 'STRATEGIC'
export type FlowStatus = 'SIGNING' | 'COMPLETED' | 'EXPIRED' | 'CANCELLED' | 'DECLINED'
export type SignerStatus = 'PENDING' | 'SIGNED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED'
export type PartyType = 'PERSON' | 'ENTERPRISE'
export type SmsPurpose = 'REAL_NAME' | 'INTENT' | 'LEGAL_REP'

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

/** What the initiator's meeting screen shows; polled while it is open. */
export interface MeetingBoard {
  meetingId: string
  name: string
  flows: MeetingFlowView[]
  /** Every signer of every flow has signed */
  allSigned: boolean
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

/** The way in: links, identity, sessions and flows. Documented in docs/service-contract.md. */
export interface CoreOperations {
  /** Resolves a parsed entry payload (from a QR or link) to the flow it opens. */
  resolveEntry(input: { flowId: string; linkToken: string }): Promise<EntryResolution>

  /** Sends a 6-digit SMS code. Codes live 5 min; a new one may be asked for after 60 s;
   * 5 wrong codes lock the number for 10 min. */
  sendSmsCode(input: { mobile: string; purpose: SmsPurpose }): Promise<SmsTicket>

  /** Checks the SMS code, then name + ID against the identity registry. */
  verifyRealName(input: { name: string; idNumber: string; mobile: string; smsCode: string }): Promise<RealNameResult>

  /** Completes face verification for a real-name check and issues a session. */
  completeFace(input: { verificationId: string; capture: FaceCapture }): Promise<SessionInfo>

  /** Ends a session. */
  signOut(input: { session: string }): Promise<{ ok: true }>

  /** Joins a flow through its link as the verified person: checks the link and that the
   * person is a designated signer, and returns the overview with their signer id. */
  joinFlow(input: { session: string; flowId: string; linkToken: string }): Promise<FlowOverview>

  /** The overview of a flow the session's person signs in. */
  getFlow(input: { session: string; flowId: string }): Promise<FlowOverview>

  /** Every flow the session's person is a signer of, newest first. */
  listMyFlows(input: { session: string }): Promise<FlowSummary[]>

  /** The meeting screen's data, for whoever holds the meeting's board key (the initiator). */
  getMeetingBoard(input: { meetingId: string; boardKey: string }): Promise<MeetingBoard>
}

/**
 * Every operation. Feature areas declare theirs in their own files (types.signing.ts,
 * types.enterprise.ts) so they grow without reshaping this one.
 */
export interface InkSealService extends CoreOperations, SigningOperations, EnterpriseOperations {}

/** Developer tools, present only on the sandbox (the dev panel). */
/** The sandbox core's developer tools: what the panel lists, and a reset. */
export interface CoreDevTools {
  listDemoLinks(): DemoLink[]
  listDemoIdentities(): DemoIdentity[]
  listSmsOutbox(): SmsMessage[]
  listMeetings(): DemoMeeting[]
  /** Wipes persisted state and re-seeds the demo data. */
  reset(): void
}

/** Every developer tool: the core's and its feature modules'. */
export interface SandboxDevTools extends CoreDevTools, SigningDevTools, EnterpriseDevTools {}

export type OperationName = keyof InkSealService

const CORE_OPERATIONS: Record<keyof CoreOperations, true> = {
  resolveEntry: true,
  sendSmsCode: true,
  verifyRealName: true,
  completeFace: true,
  signOut: true,
  joinFlow: true,
  getFlow: true,
  listMyFlows: true,
  getMeetingBoard: true
}

/** Every operation name, for transports (HTTP client and server) that route by name.
 * Built from one record per feature area, so a missing or extra name fails to compile. */
export const OPERATIONS: readonly OperationName[] = Object.keys({
  ...CORE_OPERATIONS,
  ...SIGNING_OPERATIONS,
  ...ENTERPRISE_OPERATIONS
} satisfies Record<OperationName, true>) as OperationName[]

export type OperationInput<K extends OperationName> = Parameters<InkSealService[K]>[0]
export type OperationOutput<K extends OperationName> = Awaited<ReturnType<InkSealService[K]>>
