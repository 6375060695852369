/**
 * Typed service errors. Every rejection from an InkSealService is a ServiceError whose
 * message is Chinese text fit for the user; `details` carries machine-readable extras
 * (e.g. remaining tries, retry time, the flow status).
 */
import type { EnterpriseErrorCode } from './types.enterprise'
import type { HostErrorCode } from './types.host'
import type { OrgErrorCode } from './types.org'
import type { SigningErrorCode } from './types.signing.errors'

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
