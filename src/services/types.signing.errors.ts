/** Error codes of this area (ServiceError.code), with the HTTP status each travels with. */
export type SigningErrorCode =
  /** Ordered flow: earlier signers have not signed (details.waitingFor: masked names) */
  | 'NOT_YOUR_TURN'
  /** The signer has already signed (another idempotency key) */
  | 'ALREADY_SIGNED'
  /** Forced reading not done (details.remainingMs, details.mustReachLastPage) */
  | 'READING_INCOMPLETE'
  /** A required field has no value (details.fieldId, details.fieldIds) */
  | 'FIELD_REQUIRED'
  /** A value is wrong for its field (details.fieldId, details.reason) */
  | 'FIELD_INVALID'
  /** Signature image is not a sane PNG data URL (details.fieldId, details.reason) */
  | 'SIGNATURE_IMAGE_INVALID'
  /** A system signature where the flow requires handwriting */
  | 'SYSTEM_SIGNATURE_NOT_ALLOWED'
  /** The person may not use that seal (details.sealId) */
  | 'SEAL_NOT_AUTHORIZED'
  /** The field does not accept that seal type (details.fieldId, details.accepted) */
  | 'SEAL_NOT_ACCEPTED'
  /** The flow does not allow that intent method (details.allowed) */
  | 'INTENT_METHOD_NOT_ALLOWED'
  /** Unknown, used or expired intent challenge: start again */
  | 'INTENT_CHALLENGE_INVALID'
  /** Unknown, used or foreign intent token */
  | 'INTENT_TOKEN_INVALID'
  /** Intent token older than 10 min */
  | 'INTENT_TOKEN_EXPIRED'
  /** PASSWORD intent before a signing password is set */
  | 'SIGNING_PASSWORD_NOT_SET'
  /** Setting a password when one exists, without the right currentPassword */
  | 'SIGNING_PASSWORD_EXISTS'
  /** Not 6 digits, or trivial (details.reason) */
  | 'SIGNING_PASSWORD_WEAK'
  /** Wrong signing password (details.remaining) */
  | 'SIGNING_PASSWORD_WRONG'
  /** 5 wrong passwords: locked 30 min (details.until, details.retryAfterMs) */
  | 'SIGNING_PASSWORD_LOCKED'
  /** Same idempotency key with a different request */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The flow does not allow 拒签 */
  | 'DECLINE_NOT_ALLOWED'
  /** This backend cannot make the PDF of record here (WeChat's embedded sandbox) */
  | 'DOCUMENT_UNAVAILABLE'
  /** A hosted meeting before its start time (details.startsAt): read now, sign from the start */
  | 'MEETING_NOT_STARTED'

export const SIGNING_ERROR_STATUS: Record<SigningErrorCode, number> = {
  NOT_YOUR_TURN: 409,
  ALREADY_SIGNED: 409,
  READING_INCOMPLETE: 409,
  FIELD_REQUIRED: 422,
  FIELD_INVALID: 422,
  SIGNATURE_IMAGE_INVALID: 422,
  SYSTEM_SIGNATURE_NOT_ALLOWED: 422,
  SEAL_NOT_AUTHORIZED: 403,
  SEAL_NOT_ACCEPTED: 422,
  INTENT_METHOD_NOT_ALLOWED: 422,
  INTENT_CHALLENGE_INVALID: 410,
  INTENT_TOKEN_INVALID: 401,
  INTENT_TOKEN_EXPIRED: 401,
  SIGNING_PASSWORD_NOT_SET: 409,
  SIGNING_PASSWORD_EXISTS: 409,
  SIGNING_PASSWORD_WEAK: 422,
  SIGNING_PASSWORD_WRONG: 400,
  SIGNING_PASSWORD_LOCKED: 423,
  IDEMPOTENCY_KEY_REUSED: 409,
  DECLINE_NOT_ALLOWED: 403,
  DOCUMENT_UNAVAILABLE: 501,
  MEETING_NOT_STARTED: 409
}
