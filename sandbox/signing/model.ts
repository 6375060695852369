/** The signing module's state slice, its records and the contract cache (shared by its parts). */
import type { SealSpec as DomainSealSpec } from '@/domain/seal/geometry'
import type { FaceCapture, Field, IntentMethod, SigningOptions, SubmitResult } from '@/services/types'
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import { ServiceError } from '@/services/errors'
import { utf8Bytes } from '../core/hash'
import { invalid } from '../core/input'
import type { FlowRecord } from '../core/state'
import { canonicalStatic, layoutContract, resolvePage, type PageModel } from './contractRender'
import { hostedSupport } from './hostedSupport'
import { contractSpecFor, sealEnterpriseName, sealPurpose, type ContractSpec, type DemoSeal } from './signingDemo'

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const DAY = 24 * 60 * MINUTE

/** The signing module's rules, in one place (tests and docs/signing.md refer to them). */
export const SIGNING_RULES = {
  PAGES_MAX_PER_REQUEST: 10,
  INTENT_CHALLENGE_TTL_MS: 5 * MINUTE,
  INTENT_TOKEN_TTL_MS: 10 * MINUTE,
  FACE_MAX_FAILURES: 3,
  PASSWORD_MAX_WRONG: 5,
  PASSWORD_LOCK_MS: 30 * MINUTE,
  PASSWORD_PBKDF2_ITERATIONS: 2000,
  /** Validity of an SMS code, for the message text (the rules live in the core: kernel.issueSmsCode) */
  SMS_CODE_TTL_MS: 5 * MINUTE,
  DECLINE_REASON_MIN: 5,
  DECLINE_REASON_MAX: 200,
  /** Auto-play: the first other signer signs this long after a signature, the next ones this far apart */
  AUTO_SIGN_DELAY_MS: 5 * SECOND,
  AUTO_SIGN_GAP_MS: 3 * SECOND,
  /** Stored signature images (base64 characters) kept at most; the oldest are archived beyond */
  IMAGE_BUDGET_CHARS: 1_500_000,
  /** Idempotency records kept (newest) */
  IDEMPOTENCY_KEEP: 500,
  MAX_VALUES: 100,
  /** Used challenges and tokens are forgotten this long after expiry */
  FORGET_AFTER_MS: DAY
} as const

// ------------------------------------------------------------------ persisted slice

export interface StoredValue {
  kind: Field['type']
  /** signerId */
  by: string
  at: number
  /** SHA-256 (hex) of the signature PNG in `images` */
  img?: string
  /** System signature drawn from this name (sandbox-played signers) */
  sys?: string
  sealId?: string
  /** Text typed, or the stamped date */
  text?: string
  checked?: boolean
}

export interface StoredEvent {
  seq: number
  at: number
  action: 'VIEWED' | 'INTENT_CONFIRMED' | 'SIGNED' | 'DECLINED'
  signerId: string
  intent?: IntentMethod
  hash?: string
  /** Played by the sandbox (dev.playOthers / auto-play / seeded) */
  simulated?: boolean
}

export interface FlowSign {
  revision: number
  originalHash: string
  currentHash: string
  values: Record<string, StoredValue>
  reading: Record<string, { startedAt: number; lastPageSeen: boolean }>
  viewed: Record<string, number>
  events: StoredEvent[]
  /** Auto-play: other signers to sign at `at` */
  schedule: { signerId: string; at: number }[]
}

export interface ImageRecord {
  b64: string
  at: number
}

export interface PasswordRecord {
  salt: string
  hash: string
  setAt: number
  wrong: number
  lockedUntil: number | null
}

export interface ChallengeRecord {
  id: string
  idHash: string
  flowId: string
  signerId: string
  method: IntentMethod
  createdAt: number
  expiresAt: number
  faceAction: FaceCapture['action'] | null
  failures: number
  usedAt: number | null
}

export interface TokenRecord {
  idHash: string
  flowId: string
  signerId: string
  method: IntentMethod
  expiresAt: number
  usedAt: number | null
}

export interface IdempotencyRecord {
  flowId: string
  signerId: string
  idHash: string
  fingerprint: string
  at: number
  result: SubmitResult
}

export interface SigningSlice {
  v: 1
  seq: number
  autoPlay: boolean
  flows: Record<string, FlowSign>
  images: Record<string, ImageRecord>
  /** Key: the person's ID hash */
  passwords: Record<string, PasswordRecord>
  challenges: Record<string, ChallengeRecord>
  tokens: Record<string, TokenRecord>
  idempotency: Record<string, IdempotencyRecord>
  /** Extra seal authorisations (dev.authoriseSeal): sealId → ID hashes */
  grants: Record<string, string[]>
  /** The test CA that signs PDFs of record (docs/pdf.md), made on first need; PEMs */
  ca?: { rootCertPem: string; keyPem: string; certPem: string }
}

export function initSlice(): SigningSlice {
  return { v: 1, seq: 0, autoPlay: true, flows: {}, images: {}, passwords: {}, challenges: {}, tokens: {}, idempotency: {}, grants: {} }
}

// ------------------------------------------------------------------ input helpers

export function requireInt(o: Record<string, unknown>, field: string, min: number, max: number, message: string): number {
  const v = o[field]
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalid(field, message)
  return v
}

export const METHODS: readonly IntentMethod[] = ['SMS', 'FACE', 'PASSWORD']
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/

export function hex(bytes: Uint8Array): string {
  return bytesToHex(bytes)
}

export function sha256Hex(s: string): string {
  return hex(sha256(utf8Bytes(s)))
}

// ------------------------------------------------------------------ contracts

export interface ContractInfo {
  spec: ContractSpec
  pages: PageModel[]
  fields: Field[]
  /** SHA-256 state after the static content (pages and fields), cloned per document hash */
  staticHash: ReturnType<typeof sha256.create>
  options: SigningOptions
}

export const contractCache = new Map<string, ContractInfo>()

export function contractKey(flow: FlowRecord): string {
  const parts = [flow.flowId, flow.title, flow.pageCount, ...flow.signers.map((s) => `${s.signerId}:${s.name}:${s.enterpriseName ?? ''}`)]
  // a hosted contract: its uploaded PDF and the moment it was made tell it apart
  if (flow.hosted) parts.push(`hosted:${flow.hosted.pdf}:${flow.createdAt}`)
  return parts.join('|')
}

/** Contract text, fields and options of a flow (pure function of the flow data; cached). */
export function contractOf(flow: FlowRecord): ContractInfo {
  const key = contractKey(flow)
  const hit = contractCache.get(key)
  if (hit) return hit
  if (flow.hosted) {
    const support = hostedSupport()
    if (!support) throw new ServiceError('UNSUPPORTED', '当前版本暂不支持打开该合同，请在电脑浏览器中打开签署链接')
    const hosted = support.contractOf(flow)
    if (contractCache.size > 32) contractCache.clear()
    contractCache.set(key, hosted)
    return hosted
  }
  const spec = contractSpecFor(flow)
  const pages = layoutContract(spec, flow.title, flow.pageCount, key)
  const fields: Field[] = spec.fields
    .filter((f) => f.signer >= 1 && f.signer <= flow.signers.length)
    .map((f) => {
      const field: Field = {
        fieldId: `${flow.flowId}-${f.key}`,
        signerId: flow.signers[f.signer - 1].signerId,
        type: f.type,
        page: f.type === 'SIGN_PAGING_SEAL' ? 0 : Math.max(0, Math.min(flow.pageCount - 1, resolvePage(f.page, flow.pageCount))),
        x: f.x,
        y: f.y,
        w: f.w,
        h: f.h,
        required: f.required,
        label: f.label,
        filled: null
      }
      if (f.acceptedSealTypes) field.acceptedSealTypes = [...f.acceptedSealTypes]
      if (f.dateFormat) field.dateFormat = f.dateFormat
      if (f.minLength !== undefined) field.minLength = f.minLength
      if (f.maxLength !== undefined) field.maxLength = f.maxLength
      if (f.pattern) field.pattern = f.pattern
      if (f.patternHint) field.patternHint = f.patternHint
      if (f.placeholder) field.placeholder = f.placeholder
      return field
    })
  const orders = new Set(flow.signers.map((s) => s.order))
  const info: ContractInfo = {
    spec,
    pages,
    fields,
    staticHash: sha256.create().update(utf8Bytes(canonicalStatic(spec.contractNo, flow.title, pages, fields))),
    options: { ...spec.options, intentMethods: [...spec.options.intentMethods], ordered: orders.size > 1 }
  }
  if (contractCache.size > 32) contractCache.clear()
  contractCache.set(key, info)
  return info
}

export function canonicalValues(values: Record<string, StoredValue>): string {
  return JSON.stringify(
    Object.keys(values)
      .sort()
      .map((id) => {
        const v = values[id]
        return [id, v.kind, v.by, v.at, v.img ?? null, v.sys ?? null, v.sealId ?? null, v.text ?? null, v.checked ?? null]
      })
  )
}

/** SHA-256 over the canonical content: every page's text, the fields, the committed values. */
export function documentHash(c: ContractInfo, values: Record<string, StoredValue>): string {
  return hex(
    c.staticHash
      .clone()
      .update(utf8Bytes(canonicalValues(values)))
      .digest()
  )
}

export function sealSpecOf(s: DemoSeal): DomainSealSpec & { color: string } {
  return { text: sealEnterpriseName(s), purpose: sealPurpose(s.sealType), color: '#d0021b' }
}

// ------------------------------------------------------------------ the module
