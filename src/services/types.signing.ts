/**
 * Reading and signing contracts (issue: read and sign). Operations are added here and to
 * SIGNING_OPERATIONS; the sandbox implements them in sandbox/signing.ts.
 */

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SigningOperations {}

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SigningDevTools {}

export const SIGNING_OPERATIONS: Record<keyof SigningOperations, true> = {}

/** Error codes of this area (ServiceError.code), with the HTTP status each travels with. */
export type SigningErrorCode = never

export const SIGNING_ERROR_STATUS: Record<SigningErrorCode, number> = {}
