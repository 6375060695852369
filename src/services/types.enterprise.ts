/**
 * Enterprise onboarding and legal-representative authorization. Operations are added here and
 * to ENTERPRISE_OPERATIONS; the sandbox implements them in sandbox/enterprise.ts.
 */

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface EnterpriseOperations {}

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface EnterpriseDevTools {}

export const ENTERPRISE_OPERATIONS: Record<keyof EnterpriseOperations, true> = {}

/** Error codes of this area (ServiceError.code), with the HTTP status each travels with. */
export type EnterpriseErrorCode = never

export const ENTERPRISE_ERROR_STATUS: Record<EnterpriseErrorCode, number> = {}
