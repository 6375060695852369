/**
 * Retry with backoff, for what is safe to repeat. A decorator over InkSealService used by
 * both backends (src/bootstrap.ts).
 *
 * Only transient failures (NETWORK_ERROR, TIMEOUT, SERVICE_UNAVAILABLE) are retried, and only
 * for operations whose repetition cannot do harm: reads, and writes that are idempotent by
 * design (joinFlow, signOut, submitSigning with its idempotency key). Everything else — sending
 * an SMS, checking a code, face, intent confirmation — is never repeated behind the user's back:
 * the error reaches the UI, which says so and offers a retry.
 */
import { isServiceError } from './errors'
import { OPERATIONS, type InkSealService, type OperationName } from './types'

/**
 * Whether each operation may be repeated automatically. A record over every operation, so a new
 * operation does not compile until someone decides.
 */
const SAFE: Record<OperationName, boolean> = {
  // core
  resolveEntry: true,
  sendSmsCode: false, // a second SMS, and the resend window
  verifyRealName: false, // counts wrong codes
  completeFace: false, // counts failures
  signOut: true,
  joinFlow: true, // joining twice is joining once
  getFlow: true,
  listMyFlows: true,
  getMeetingBoard: true,
  // signing
  getContract: true,
  getContractPages: true,
  listMySeals: true,
  startIntent: false, // sends a code / starts a challenge
  confirmIntent: false, // consumes the challenge, counts tries
  setSigningPassword: false,
  submitSigning: true, // idempotent by its key: the same key returns the first result
  declineSigning: false,
  getSigningStatus: true,
  getAuditTrail: true,
  verifyDocument: true,
  getContractDocument: true, // read-only: the same document again
  // enterprise
  createEnterpriseApplication: false,
  getEnterpriseApplication: true,
  cancelEnterpriseApplication: false,
  startUpload: false,
  uploadChunk: false,
  finishUpload: false,
  recognizeLicense: false,
  confirmLicense: false,
  setAdministrator: false,
  getLetterTemplate: true,
  submitAuthorizationLetter: false,
  requestLegalRepAuthorization: false, // sends an SMS with a new link
  resolveLegalRepLink: true,
  openLegalRepRequest: true,
  sendLegalRepCode: false,
  confirmLegalRepAuthorization: false,
  refuseLegalRepAuthorization: false,
  sendAdminCode: false, // sends an SMS
  lookupCloudEnterprise: true,
  confirmCloudEnterprise: false,
  listLetterReviews: true,
  getLetterReview: true,
  decideLetter: false,
  // host
  createHostedMeeting: false, // a second meeting, and a second round of SMS invites
  getHostedMeeting: true,
  listHostedMeetings: true,
  cancelHostedMeeting: false,
  // org (enterprise management)
  listMyOrgs: true,
  getOrg: true,
  addOrgMember: false, // a second try is refused as an existing member
  createOrgSeal: false, // would make a second seal
  setOrgSealEnabled: true, // sets, not toggles
  grantOrgSeal: true, // granting twice is granting once
  revokeOrgSeal: true
}

/** Operations that may be repeated automatically. */
export const RETRY_SAFE: ReadonlySet<string> = new Set(OPERATIONS.filter((op) => SAFE[op]))

export interface RetryOptions {
  /** Total tries, the first included (default 3) */
  attempts?: number
  /** First backoff (default 400 ms); doubles each time, with ±20 % jitter */
  baseDelayMs?: number
  maxDelayMs?: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** Told before each retry (for progress UI and logs) */
  onRetry?: (info: { op: OperationName; attempt: number; delayMs: number; code: string }) => void
}

export function backoffDelay(attempt: number, base: number, max: number, random: () => number): number {
  const raw = Math.min(max, base * 2 ** (attempt - 1))
  return Math.round(raw * (0.8 + 0.4 * random()))
}

export function withRetry<S extends InkSealService>(service: S, opts: RetryOptions = {}): S {
  const attempts = Math.max(1, opts.attempts ?? 3)
  const base = opts.baseDelayMs ?? 400
  const max = opts.maxDelayMs ?? 3000
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const random = opts.random ?? Math.random
  const wrapped: Record<string, unknown> = { ...(service as object) }
  for (const op of OPERATIONS) {
    if (!RETRY_SAFE.has(op)) continue
    const call = (service[op] as (input: unknown) => Promise<unknown>).bind(service)
    wrapped[op] = async (input: unknown) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await call(input)
        } catch (e) {
          if (!isServiceError(e) || !e.transient || attempt >= attempts) throw e
          const delayMs = backoffDelay(attempt, base, max, random)
          opts.onRetry?.({ op, attempt, delayMs, code: e.code })
          await sleep(delayMs)
        }
      }
    }
  }
  return wrapped as S
}
