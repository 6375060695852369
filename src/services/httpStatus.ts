/**
 * The HTTP status each error code travels with, for the HTTP client and the sandbox server
 * only. Kept apart from errors.ts: the app's landing route imports ServiceError, and the status
 * tables of every area (a spread object the minifier cannot drop) would ride along with it.
 */
import type { CoreErrorCode, ErrorCode } from './errors'
import { ENTERPRISE_ERROR_STATUS } from './types.enterprise'
import { HOST_ERROR_STATUS } from './types.host'
import { ORG_ERROR_STATUS } from './types.org'
import { SIGNING_ERROR_STATUS } from './types.signing.errors'

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
