import type { Field, SubmitValue } from '@/services/types'
import type { ServiceError } from '@/services/errors'

/** Types and constants shared by the signing units (src/stores/signing/*). */

/** What the signature pad hands over (SignatureStore.accepted). */
export interface AcceptedSignature {
  png: string
  width: number
  height: number
  kind: 'HANDWRITTEN' | 'SYSTEM'
  createdAt: number
}

/** The part of SignatureStore this store uses (owned by the signature pad work). */
export interface SignaturePort {
  accepted: AcceptedSignature | null
  clearAccepted(): void
  makeSystemSignature(name: string): Promise<AcceptedSignature>
}

/** A value the signer entered, kept in the draft. SIGN_DATE needs none (the server stamps it). */
export type DraftValue =
  | { kind: 'SIGN_SIGNATURE'; png: string; signatureKind: 'HANDWRITTEN' | 'SYSTEM'; width: number; height: number }
  | { kind: 'SIGN_SEAL'; sealId: string }
  | { kind: 'SIGN_PAGING_SEAL'; sealId: string }
  | { kind: 'TEXT'; text: string }
  | { kind: 'CHECK_BOX'; checked: boolean }

/** A submission that was sent: retried with the SAME key and values until its outcome is known. */
export interface PendingSubmit {
  idempotencyKey: string
  values: SubmitValue[]
  /** The intent token it was sent with, while still usable */
  intentToken: string | null
  intentExpiresAt: number
  sentAt: number
}

export interface DraftFile {
  v: 1
  flowId: string
  signerId: string
  values: Record<string, DraftValue>
  pending: PendingSubmit | null
  savedAt: number
}

export type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'needsVerification'; message: string }
  | { kind: 'error'; message: string; retryable: boolean }

export interface SubmitFailure {
  code: string
  message: string
  /** Same request can be sent again (network); the key is kept */
  retryable: boolean
  /** A value was refused: back to the contract to fix it */
  fix: boolean
  /** Intent must be confirmed again */
  reauth: boolean
}

export interface ScrollTarget {
  page: number
  /** Fraction of the page height */
  y: number
  seq: number
}

export const DRAFT_PREFIX = 'inkseal.signing.draft.'
/** Draft writes are coalesced: at most one every this many ms (plus explicit flushes). */
export const DRAFT_THROTTLE_MS = 800
export const PAGE_CHUNK = 5
/** Page images kept in memory at most (the farthest from the reader are dropped first). */
export const PAGE_CACHE_MAX = 40
export const POLL_MS = 2000
export const DECLINE_MIN = 5
export const DECLINE_MAX = 200

export const FIELD_ORDER = (a: Field, b: Field) => a.page - b.page || a.y - b.y || a.x - b.x || (a.fieldId === b.fieldId ? 0 : a.fieldId < b.fieldId ? -1 : 1)

export function randomKey(now: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  let s = ''
  for (let i = 0; i < 20; i++) s += chars[Math.floor(Math.random() * chars.length)]
  return `sg_${now.toString(36)}_${s}`
}

export function isSessionError(e: ServiceError): boolean {
  return e.code === 'SESSION_EXPIRED' || e.code === 'SESSION_INVALID'
}

export const CLOSED_CODES = new Set(['FLOW_EXPIRED', 'FLOW_CANCELLED', 'FLOW_DECLINED', 'FLOW_COMPLETED'])
export const FIX_CODES = new Set([
  'FIELD_REQUIRED',
  'FIELD_INVALID',
  'SIGNATURE_IMAGE_INVALID',
  'SYSTEM_SIGNATURE_NOT_ALLOWED',
  'SEAL_NOT_AUTHORIZED',
  'SEAL_NOT_ACCEPTED',
  'READING_INCOMPLETE',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_INPUT'
])
export const REAUTH_CODES = new Set(['INTENT_TOKEN_INVALID', 'INTENT_TOKEN_EXPIRED'])
