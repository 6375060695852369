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

import type {
  SmsPurpose,
  MyFlowSummary,
  FlowOverview,
  EntryResolution,
  SmsTicket,
  RealNameResult,
  SessionInfo,
  FaceCapture,
  MeetingBoard,
  DemoMeeting,
  DemoLink,
  DemoIdentity,
  SmsMessage
} from './types.common'
import { ENTERPRISE_OPERATIONS, type EnterpriseDevTools, type EnterpriseOperations } from './types.enterprise'
import { HOST_OPERATIONS, type HostOperations } from './types.host'
import { ORG_OPERATIONS, type OrgDevTools, type OrgOperations } from './types.org'
import { SIGNING_OPERATIONS, type SigningDevTools, type SigningOperations } from './types.signing'

export * from './types.common'
export * from './types.signing'
export * from './types.enterprise'
export * from './types.host'
export * from './types.org'

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
  listMyFlows(input: { session: string }): Promise<MyFlowSummary[]>

  /** The meeting screen's data, for whoever holds the meeting's board key (the initiator). */
  getMeetingBoard(input: { meetingId: string; boardKey: string }): Promise<MeetingBoard>
}

/**
 * Every operation. Feature areas declare theirs in their own files (types.signing.ts,
 * types.enterprise.ts, types.host.ts, types.org.ts) so they grow without reshaping this one.
 */
export interface InkSealService extends CoreOperations, SigningOperations, EnterpriseOperations, HostOperations, OrgOperations {}

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
export interface SandboxDevTools extends CoreDevTools, SigningDevTools, EnterpriseDevTools, OrgDevTools {}

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
  ...ENTERPRISE_OPERATIONS,
  ...HOST_OPERATIONS,
  ...ORG_OPERATIONS
} satisfies Record<OperationName, true>) as OperationName[]

export type OperationInput<K extends OperationName> = Parameters<InkSealService[K]>[0]
export type OperationOutput<K extends OperationName> = Awaited<ReturnType<InkSealService[K]>>
