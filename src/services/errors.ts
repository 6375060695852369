/**
 * Typed service errors. Every rejection from an InkSealService is a ServiceError whose
 * message is Chinese text fit for the user; `details` carries machine-readable extras
 * (e.g. remaining tries, retry time, the flow status).
 */
import { ENTERPRISE_ERROR_STATUS, type EnterpriseErrorCode } from './types.enterprise'
import { HOST_ERROR_STATUS, type HostErrorCode } from './types.host'
import { ORG_ERROR_STATUS, type OrgErrorCode } from './types.org'
import { SIGNING_ERROR_STATUS, type SigningErrorCode } from './types.signing.errors'

/** Every error code: the core ones below plus each feature area's (declared in its types file). */
export type ErrorCode = CoreErrorCode | SigningErrorCode | EnterpriseErrorCode | HostErrorCode | OrgErrorCode

export type CoreErrorCode =
  // input
  | 'INVALID_INPUT'
  /** A request body over the transport's limit (details.maxBytes) */
  | 'PAYLOAD_TOO_LARGE'
  // links and flows
  | 'LINK_INVALID'
  | 'LINK_EXPIRED'
  | 'FLOW_NOT_FOUND'
  | 'MEETING_NOT_FOUND'
  | 'FLOW_EXPIRED'
  | 'FLOW_CANCELLED'
  | 'FLOW_COMPLETED'
  | 'FLOW_DECLINED'
  | 'NOT_DESIGNATED_SIGNER'
  // SMS
  | 'SMS_TOO_FREQUENT'
  | 'SMS_CODE_WRONG'
  | 'SMS_CODE_EXPIRED'
  | 'SMS_CODE_MISSING'
  | 'SMS_LOCKED'
  // identity
  | 'REGISTRY_MISMATCH'
  | 'FACE_FAILED'
  | 'VERIFICATION_EXPIRED'
  // sessions
  | 'SESSION_EXPIRED'
  | 'SESSION_INVALID'
  | 'FORBIDDEN'
  // transport and backend
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL'

export interface ServiceErrorShape {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

/** Codes for which repeating the same request may succeed. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['NETWORK_ERROR', 'TIMEOUT', 'SERVICE_UNAVAILABLE'])

export class ServiceError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message)
    this.name = 'ServiceError'
    this.code = code
    this.details = details
  }

  get transient(): boolean {
    return TRANSIENT.has(this.code)
  }

  toJSON(): ServiceErrorShape {
    return { code: this.code, message: this.message, details: this.details }
  }
}

export function isServiceError(e: unknown): e is ServiceError {
  return e instanceof ServiceError
}

/** Turns anything thrown into a ServiceError, so views always have a Chinese message. */
export function toServiceError(e: unknown): ServiceError {
  if (e instanceof ServiceError) return e
  return new ServiceError('INTERNAL', '系统繁忙，请稍后重试', { cause: String((e as Error)?.message ?? e) })
}

const CORE_HTTP_STATUS: Record<CoreErrorCode, number> = {
  INVALID_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  LINK_INVALID: 404,
  LINK_EXPIRED: 410,
  FLOW_NOT_FOUND: 404,
  MEETING_NOT_FOUND: 404,
  FLOW_EXPIRED: 409,
  FLOW_CANCELLED: 409,
  FLOW_COMPLETED: 409,
  FLOW_DECLINED: 409,
  NOT_DESIGNATED_SIGNER: 403,
  SMS_TOO_FREQUENT: 429,
  SMS_CODE_WRONG: 400,
  SMS_CODE_EXPIRED: 400,
  SMS_CODE_MISSING: 400,
  SMS_LOCKED: 423,
  REGISTRY_MISMATCH: 422,
  FACE_FAILED: 422,
  VERIFICATION_EXPIRED: 410,
  SESSION_EXPIRED: 401,
  SESSION_INVALID: 401,
  FORBIDDEN: 403,
  NETWORK_ERROR: 503,
  TIMEOUT: 504,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500
}

/** The HTTP status each error code travels with. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  ...CORE_HTTP_STATUS,
  ...SIGNING_ERROR_STATUS,
  ...ENTERPRISE_ERROR_STATUS,
  ...HOST_ERROR_STATUS,
  ...ORG_ERROR_STATUS
}
