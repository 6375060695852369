/**
 * Sandbox module: reading and signing contracts. Implements SigningOperations
 * (types.signing.ts); rules in docs/signing.md.
 *
 * State: the slice `modules.signing` of the persisted sandbox state (SigningSlice). It holds no
 * full ID or mobile numbers: people are keyed by the ID hash, SMS go to the masked mobile, the
 * signing password is stored as PBKDF2-SHA256 with a random salt, signature PNGs are stored once
 * per distinct image (content-addressed by SHA-256) within a size budget.
 */
import { sha256 } from '@noble/hashes/sha256'
import { pbkdf2 } from '@noble/hashes/pbkdf2'
import { bytesToHex } from '@noble/hashes/utils'
import { base64Decode } from '@/domain/contract/base64'
import { formatSignDate } from '@/domain/contract/dateFormat'
import { charLength, validateSubmission, type FieldRules, type RawFieldValue } from '@/domain/contract/fields'
import { validateSigningPassword } from '@/domain/contract/password'
import { sealDataUrl } from '@/domain/seal/svg'
import type { SealSpec as DomainSealSpec } from '@/domain/seal/geometry'
import { ServiceError } from '@/services/errors'
import { SEAL_TYPE_LABELS } from '@/services/types.signing'
import type {
  AuditEvent,
  AuditTrail,
  ContractPages,
  ContractView,
  DeclineResult,
  DemoSealView,
  DocumentVerification,
  FaceCapture,
  Field,
  FilledInfo,
  FlowStatus,
  IntentChallenge,
  IntentGrant,
  IntentMethod,
  MySeals,
  OperationName,
  PageImage,
  PlayOthersResult,
  ReadingProgress,
  SealInfo,
  SealType,
  SigningBlockReason,
  SigningDevTools,
  SigningOperations,
  SigningOptions,
  SigningStatus,
  SmsTicket,
  SubmitResult
} from '@/services/types'
import { maskName } from '@/domain/identity'
import { DEMO_PEOPLE, DEMO_PERSON_KEYS } from '../core/demoData'
import { hashId, utf8Bytes } from '../core/hash'
import type { RunContext, SandboxKernel } from '../core/kernel'
import { randomString } from '@/domain/random'
import { hasScheduledSigners } from './signingSchedule'
import { inputObject, invalid, requireString } from '../core/input'
import {
  canonicalStatic,
  layoutContract,
  pageDataUrl,
  renderPageSvg,
  resolvePage,
  type PageModel,
  type RenderValue
} from './contractRender'
import {
  contractSpecFor,
  DEMO_SEALS,
  demoPersonByName,
  demoSeal,
  sealCreditCode,
  sealEnterpriseName,
  sealPurpose,
  type ContractSpec,
  type DemoSeal
} from './signingDemo'
import type { FlowRecord, SessionRecord, SignerRecord } from '../core/state'

const SECOND = 1000
const MINUTE = 60 * SECOND
const DAY = 24 * 60 * MINUTE

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

interface StoredValue {
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

interface StoredEvent {
  seq: number
  at: number
  action: 'VIEWED' | 'INTENT_CONFIRMED' | 'SIGNED' | 'DECLINED'
  signerId: string
  intent?: IntentMethod
  hash?: string
  /** Played by the sandbox (dev.playOthers / auto-play / seeded) */
  simulated?: boolean
}

interface FlowSign {
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

interface ImageRecord {
  b64: string
  at: number
}

interface PasswordRecord {
  salt: string
  hash: string
  setAt: number
  wrong: number
  lockedUntil: number | null
}

interface ChallengeRecord {
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

interface TokenRecord {
  idHash: string
  flowId: string
  signerId: string
  method: IntentMethod
  expiresAt: number
  usedAt: number | null
}

interface IdempotencyRecord {
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
}

function initSlice(): SigningSlice {
  return { v: 1, seq: 0, autoPlay: true, flows: {}, images: {}, passwords: {}, challenges: {}, tokens: {}, idempotency: {}, grants: {} }
}

// ------------------------------------------------------------------ input helpers

function requireInt(o: Record<string, unknown>, field: string, min: number, max: number, message: string): number {
  const v = o[field]
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalid(field, message)
  return v
}

const METHODS: readonly IntentMethod[] = ['SMS', 'FACE', 'PASSWORD']
const FACE_ACTIONS: readonly FaceCapture['action'][] = ['blink', 'nod', 'mouth']
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/

function hex(bytes: Uint8Array): string {
  return bytesToHex(bytes)
}

function sha256Hex(s: string): string {
  return hex(sha256(utf8Bytes(s)))
}

// ------------------------------------------------------------------ contracts

interface ContractInfo {
  spec: ContractSpec
  pages: PageModel[]
  fields: Field[]
  /** SHA-256 state after the static content (pages and fields), cloned per document hash */
  staticHash: ReturnType<typeof sha256.create>
  options: SigningOptions
}

const contractCache = new Map<string, ContractInfo>()

function contractKey(flow: FlowRecord): string {
  return [flow.flowId, flow.title, flow.pageCount, ...flow.signers.map((s) => `${s.signerId}:${s.name}:${s.enterpriseName ?? ''}`)].join('|')
}

/** Contract text, fields and options of a flow (pure function of the flow data; cached). */
function contractOf(flow: FlowRecord): ContractInfo {
  const key = contractKey(flow)
  const hit = contractCache.get(key)
  if (hit) return hit
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

function canonicalValues(values: Record<string, StoredValue>): string {
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
function documentHash(c: ContractInfo, values: Record<string, StoredValue>): string {
  return hex(c.staticHash.clone().update(utf8Bytes(canonicalValues(values))).digest())
}

function sealSpecOf(s: DemoSeal): DomainSealSpec & { color: string } {
  return { text: sealEnterpriseName(s), purpose: sealPurpose(s.sealType), color: '#d0021b' }
}

// ------------------------------------------------------------------ the module

export function signingModule(k: SandboxKernel): { ops: SigningOperations; dev: SigningDevTools } {
  let dirty = false
  const mark = () => void (dirty = true)

  function slice(): SigningSlice {
    const s = k.module<SigningSlice>('signing', initSlice)
    if (s.v !== 1 || !s.flows) Object.assign(s, initSlice())
    return s
  }

  /** k.run, with module helpers able to mark the state changed. */
  function run<T>(op: OperationName, body: (ctx: RunContext) => T): Promise<T> {
    return k.run(op, (ctx) => {
      dirty = false
      try {
        return body(ctx)
      } finally {
        if (dirty) {
          prune(ctx.t)
          ctx.touch()
        }
        dirty = false
      }
    })
  }

  // Scheduled signers (auto-play) sign when their time comes, whatever operation runs next,
  // so getFlow, listMyFlows and the meeting board see them too.
  k.onBeforeOperation((ctx) => {
    const s = slice()
    if (!hasScheduledSigners(s)) return
    const flows = s.flows
    dirty = false
    for (const [flowId, rec] of Object.entries(flows)) {
      const flow = k.state().flows[flowId]
      if (flow && rec.schedule.length) applyDue(flow, rec, ctx.t)
    }
    if (dirty) ctx.touch()
    dirty = false
  })

  function nextSeq(): number {
    const s = slice()
    s.seq += 1
    return s.seq
  }

  // ---- people, flows, access

  const faceFailHashes = new Set(DEMO_PERSON_KEYS.filter((p) => DEMO_PEOPLE[p].faceFails).map((p) => hashId(DEMO_PEOPLE[p].idNumber)))

  function flowById(flowId: string): FlowRecord {
    const flow = k.state().flows[flowId]
    if (!flow) throw new ServiceError('FLOW_NOT_FOUND', '合同不存在或已被发起方删除', { flowId })
    return flow
  }

  function requireFlowId(o: Record<string, unknown>): string {
    return requireString(o, 'flowId', '缺少合同编号')
  }

  /** The session, the flow, and the caller's signer entry (`signerId` if given, else theirs). */
  function access(o: Record<string, unknown>, t: number, signerField: 'signerId' | null = null): { session: SessionRecord; flow: FlowRecord; signer: SignerRecord } {
    const session = k.requireSession(o, t)
    const flow = flowById(requireFlowId(o))
    const mine = flow.signers.filter((s) => s.joinedBy === session.idHash)
    if (!mine.length) {
      throw new ServiceError('FORBIDDEN', '您无权查看该合同。如您是签署人，请通过发起方分享的签署码进入', { flowId: flow.flowId })
    }
    let signer: SignerRecord | undefined
    const wanted = signerField ? o[signerField] : undefined
    if (wanted !== undefined) {
      if (typeof wanted !== 'string' || !wanted) throw invalid(signerField as string, '缺少签署人编号')
      signer = mine.find((s) => s.signerId === wanted)
      if (!signer) throw new ServiceError('FORBIDDEN', '您不能代替其他签署人操作', { signerId: wanted })
    } else {
      signer = mine.find((s) => s.status === 'PENDING') ?? mine[0]
    }
    return { session, flow, signer }
  }

  function statusOf(flow: FlowRecord, t: number): FlowStatus {
    return k.summary(flow, t).status
  }

  /** Earlier-order signers still to sign (ordered flows). */
  function waitingFor(flow: FlowRecord, signer: SignerRecord): SignerRecord[] {
    return flow.signers.filter((s) => s.order < signer.order && s.status !== 'SIGNED')
  }

  function block(flow: FlowRecord, signer: SignerRecord, t: number): { reason: SigningBlockReason; message: string } | null {
    const status = statusOf(flow, t)
    if (signer.status === 'DECLINED') return { reason: 'ALREADY_DECLINED', message: '您已拒签该合同，仅可查看' }
    if (status === 'COMPLETED') return { reason: 'FLOW_COMPLETED', message: '合同已签署完成，仅可查看' }
    if (status === 'CANCELLED') return { reason: 'FLOW_CANCELLED', message: '合同已被发起方撤销，仅可查看' }
    if (status === 'DECLINED') return { reason: 'FLOW_DECLINED', message: '合同已被其他签署方拒签，仅可查看' }
    if (status === 'EXPIRED') return { reason: 'FLOW_EXPIRED', message: '合同已过签署截止时间，仅可查看' }
    if (signer.status === 'SIGNED') return { reason: 'ALREADY_SIGNED', message: '您已签署该合同，请等待其他签署方签署' }
    const waiting = waitingFor(flow, signer)
    if (waiting.length) {
      return { reason: 'NOT_YOUR_TURN', message: `本合同需按顺序签署，请等待${waiting.map((s) => maskName(s.name)).join('、')}签署后再签署` }
    }
    return null
  }

  /** Throws unless the signer may act now. */
  function assertCanAct(flow: FlowRecord, signer: SignerRecord, t: number, opts: { ignoreTurn?: boolean } = {}): void {
    const b = block(flow, signer, t)
    if (!b || (opts.ignoreTurn && b.reason === 'NOT_YOUR_TURN')) return
    const details: Record<string, unknown> = { flowId: flow.flowId, status: statusOf(flow, t) }
    switch (b.reason) {
      case 'ALREADY_SIGNED':
        throw new ServiceError('ALREADY_SIGNED', '您已签署该合同，无需重复签署', { ...details, signedAt: signer.signedAt })
      case 'ALREADY_DECLINED':
      case 'FLOW_DECLINED':
        throw new ServiceError('FLOW_DECLINED', signer.status === 'DECLINED' ? '您已拒签该合同' : '合同已被其他签署方拒签，无法继续签署', details)
      case 'FLOW_COMPLETED':
        throw signer.status === 'SIGNED'
          ? new ServiceError('ALREADY_SIGNED', '您已签署该合同，无需重复签署', { ...details, signedAt: signer.signedAt })
          : new ServiceError('FLOW_COMPLETED', '合同已签署完成', details)
      case 'FLOW_CANCELLED':
        throw new ServiceError('FLOW_CANCELLED', '合同已被发起方撤销，无法签署', { ...details, reason: flow.closedReason })
      case 'FLOW_EXPIRED':
        throw new ServiceError('FLOW_EXPIRED', '合同已过签署截止时间，无法签署', { ...details, deadline: flow.deadline })
      case 'NOT_YOUR_TURN':
        throw new ServiceError('NOT_YOUR_TURN', b.message, {
          ...details,
          waitingFor: waitingFor(flow, signer).map((s) => maskName(s.name))
        })
    }
  }

  // ---- per-flow record

  function flowRec(flow: FlowRecord): FlowSign {
    const s = slice()
    let rec = s.flows[flow.flowId]
    const c = contractOf(flow)
    if (!rec) {
      const original = documentHash(c, {})
      rec = { revision: 0, originalHash: original, currentHash: original, values: {}, reading: {}, viewed: {}, events: [], schedule: [] }
      s.flows[flow.flowId] = rec
      mark()
    }
    // Signers recorded as signed elsewhere (seeded demo data) get their values drawn by the sandbox.
    const unfilled = flow.signers
      .filter((x) => x.status === 'SIGNED' && !rec!.events.some((e) => e.action === 'SIGNED' && e.signerId === x.signerId))
      .sort((a, b) => (a.signedAt ?? 0) - (b.signedAt ?? 0))
    for (const x of unfilled) fillFor(flow, rec, x, x.signedAt ?? flow.createdAt, 'FACE', true)
    return rec
  }

  // ---- seals

  function grantsOf(sealId: string): string[] {
    return slice().grants[sealId] ?? []
  }

  function isAuthorised(seal: DemoSeal, idHash: string): boolean {
    return seal.authorised.some((p) => hashId(DEMO_PEOPLE[p].idNumber) === idHash) || grantsOf(seal.sealId).includes(idHash)
  }

  /** Seals of the signer's enterprise the person may use. */
  function sealsFor(signer: SignerRecord, idHash: string): DemoSeal[] {
    if (signer.partyType !== 'ENTERPRISE' || !signer.enterpriseCreditCode) return []
    return DEMO_SEALS.filter((s) => sealCreditCode(s) === signer.enterpriseCreditCode && isAuthorised(s, idHash))
  }

  function sealTypesLabel(types: readonly SealType[]): string {
    return types.map((t) => SEAL_TYPE_LABELS[t]).join('或')
  }

  // ---- values

  function storeImage(base64: string, t: number): string {
    const bytes = base64Decode(base64) as Uint8Array
    const id = hex(sha256(bytes))
    const s = slice()
    if (!s.images[id]) s.images[id] = { b64: base64, at: t }
    else s.images[id].at = Math.max(s.images[id].at, t)
    // Keep within the budget: archive the oldest images (their digests stay in the values).
    let total = Object.values(s.images).reduce((n, r) => n + r.b64.length, 0)
    const byAge = Object.entries(s.images).sort((a, b) => a[1].at - b[1].at)
    for (const [key, r] of byAge) {
      if (total <= SIGNING_RULES.IMAGE_BUDGET_CHARS || key === id) continue
      delete s.images[key]
      total -= r.b64.length
    }
    return id
  }

  function renderValue(v: StoredValue, fieldId: string): RenderValue {
    const out: RenderValue = { fieldId, kind: v.kind }
    if (v.img) out.png = slice().images[v.img]?.b64 ?? null
    if (v.sys) out.systemName = v.sys
    if (v.sealId) {
      const seal = demoSeal(v.sealId)
      if (seal) out.seal = sealSpecOf(seal)
    }
    if (v.text !== undefined) out.text = v.text
    if (v.checked !== undefined) out.checked = v.checked
    return out
  }

  function filledInfo(v: StoredValue): FilledInfo {
    let display = ''
    switch (v.kind) {
      case 'SIGN_SIGNATURE':
        display = '已签名'
        break
      case 'SIGN_SEAL':
      case 'SIGN_PAGING_SEAL': {
        const seal = v.sealId ? demoSeal(v.sealId) : null
        display = seal ? SEAL_TYPE_LABELS[seal.sealType] : '已盖章'
        break
      }
      case 'CHECK_BOX':
        display = v.checked ? '已勾选' : '未勾选'
        break
      default:
        display = v.text ?? ''
    }
    return { signerId: v.by, filledAt: v.at, display }
  }

  /** Marks the signer signed at `at`, bumps the revision and records the event with the new hash. */
  function commitSigned(flow: FlowRecord, rec: FlowSign, signer: SignerRecord, at: number, intent: IntentMethod, simulated: boolean): void {
    signer.status = 'SIGNED'
    signer.signedAt = at
    rec.revision += 1
    rec.currentHash = documentHash(contractOf(flow), rec.values)
    rec.events.push({ seq: nextSeq(), at, action: 'SIGNED', signerId: signer.signerId, intent, hash: rec.currentHash, ...(simulated ? { simulated: true } : {}) })
    rec.schedule = rec.schedule.filter((x) => x.signerId !== signer.signerId)
    mark()
  }

  /**
   * The sandbox signs for someone (another signer, or seeded demo data): a system signature with
   * their name, the first authorised seal each seal field accepts, dates, default text and ticks.
   * Returns a Chinese reason when it cannot (no usable seal).
   */
  function fillFor(flow: FlowRecord, rec: FlowSign, signer: SignerRecord, at: number, intent: IntentMethod, alreadySigned = false): string | null {
    const c = contractOf(flow)
    const fields = c.fields.filter((f) => f.signerId === signer.signerId)
    const values: Record<string, StoredValue> = {}
    for (const f of fields) {
      const v: StoredValue = { kind: f.type, by: signer.signerId, at }
      switch (f.type) {
        case 'SIGN_SIGNATURE':
          v.sys = signer.name
          break
        case 'SIGN_SEAL':
        case 'SIGN_PAGING_SEAL': {
          const seal = sealsFor(signer, signer.idHash).find((s) => (f.acceptedSealTypes ?? []).includes(s.sealType))
          if (!seal) {
            if (alreadySigned) continue
            return `${maskName(signer.name)}没有可用的${sealTypesLabel(f.acceptedSealTypes ?? [])}`
          }
          v.sealId = seal.sealId
          break
        }
        case 'SIGN_DATE':
          v.text = formatSignDate(at, f.dateFormat ?? 'YYYY年MM月DD日')
          break
        case 'TEXT': {
          if (!f.required) continue
          const digits = f.pattern && /\\d|\[0-9\]|\[1-9\]/.test(f.pattern)
          v.text = digits ? '2' : '已确认'.slice(0, f.maxLength ?? 3)
          break
        }
        case 'CHECK_BOX':
          v.checked = f.required
          break
      }
      values[f.fieldId] = v
    }
    Object.assign(rec.values, values)
    if (signer.joinedBy === null) {
      // Whoever signed has joined the flow before (as the core's demo data has it).
      signer.joinedBy = signer.idHash
      signer.joinedAt = at - MINUTE
    }
    commitSigned(flow, rec, signer, at, intent, true)
    return null
  }

  /** Auto-play: signs for the scheduled signers whose time has come (by the sandbox clock). */
  function applyDue(flow: FlowRecord, rec: FlowSign, t: number): void {
    if (!rec.schedule.length) return
    const due = rec.schedule.filter((x) => x.at <= t).sort((a, b) => a.at - b.at)
    if (!due.length) return
    rec.schedule = rec.schedule.filter((x) => x.at > t)
    mark()
    for (const item of due) {
      const signer = flow.signers.find((s) => s.signerId === item.signerId)
      if (!signer || signer.status !== 'PENDING') continue
      if (statusOf(flow, item.at) !== 'SIGNING' || waitingFor(flow, signer).length) continue
      fillFor(flow, rec, signer, item.at, 'FACE')
    }
  }

  /** After a signature: the flow's pending signers nobody has joined sign a few seconds later. */
  function scheduleOthers(flow: FlowRecord, rec: FlowSign, t: number): void {
    if (!slice().autoPlay) return
    const others = flow.signers
      .filter((s) => s.status === 'PENDING' && s.joinedBy === null && !rec.schedule.some((x) => x.signerId === s.signerId))
      .sort((a, b) => a.order - b.order)
    others.forEach((s, i) => {
      rec.schedule.push({ signerId: s.signerId, at: t + SIGNING_RULES.AUTO_SIGN_DELAY_MS + i * SIGNING_RULES.AUTO_SIGN_GAP_MS })
    })
    if (others.length) mark()
  }

  // ---- reading

  function startReading(rec: FlowSign, signer: SignerRecord, t: number): void {
    if (signer.status !== 'PENDING' || rec.reading[signer.signerId]) return
    rec.reading[signer.signerId] = { startedAt: t, lastPageSeen: false }
    mark()
  }

  function readingOf(c: ContractInfo, rec: FlowSign, signer: SignerRecord, t: number): ReadingProgress {
    const r = rec.reading[signer.signerId]
    const forced = c.options.forcedReading
    if (!forced) return { startedAt: r?.startedAt ?? null, lastPageSeen: r?.lastPageSeen ?? false, remainingMs: 0, satisfied: true }
    const min = (forced.minSeconds ?? 0) * SECOND
    const remainingMs = r ? Math.max(0, r.startedAt + min - t) : min
    const lastPageSeen = r?.lastPageSeen ?? false
    return {
      startedAt: r?.startedAt ?? null,
      lastPageSeen,
      remainingMs,
      satisfied: !!r && remainingMs === 0 && (!forced.mustReachLastPage || lastPageSeen)
    }
  }

  function assertRead(c: ContractInfo, rec: FlowSign, signer: SignerRecord, t: number): void {
    const p = readingOf(c, rec, signer, t)
    if (p.satisfied) return
    const forced = c.options.forcedReading!
    const parts: string[] = []
    if (p.remainingMs > 0 || p.startedAt === null) parts.push(`还需阅读${Math.max(1, Math.ceil(p.remainingMs / SECOND))}秒`)
    if (forced.mustReachLastPage && !p.lastPageSeen) parts.push('请阅读至最后一页')
    throw new ServiceError('READING_INCOMPLETE', `请先完整阅读合同：${parts.join('，')}`, {
      remainingMs: p.remainingMs,
      mustReachLastPage: forced.mustReachLastPage && !p.lastPageSeen
    })
  }

  // ---- housekeeping

  function prune(t: number): void {
    const s = slice()
    for (const [id, c] of Object.entries(s.challenges)) if (c.expiresAt + SIGNING_RULES.FORGET_AFTER_MS < t) delete s.challenges[id]
    for (const [id, x] of Object.entries(s.tokens)) if (x.expiresAt + SIGNING_RULES.FORGET_AFTER_MS < t) delete s.tokens[id]
    const keys = Object.keys(s.idempotency)
    if (keys.length > SIGNING_RULES.IDEMPOTENCY_KEEP) {
      keys
        .sort((a, b) => s.idempotency[a].at - s.idempotency[b].at)
        .slice(0, keys.length - SIGNING_RULES.IDEMPOTENCY_KEEP)
        .forEach((key) => delete s.idempotency[key])
    }
  }

  // ---- views

  function contractView(flow: FlowRecord, rec: FlowSign, signer: SignerRecord, session: SessionRecord, t: number): ContractView {
    const c = contractOf(flow)
    const sum = k.summary(flow, t)
    const b = block(flow, signer, t)
    const me = sum.signers.find((s) => s.signerId === signer.signerId)!
    return {
      flowId: flow.flowId,
      title: flow.title,
      contractNo: c.spec.contractNo,
      status: sum.status,
      pageCount: flow.pageCount,
      pages: c.pages.map((p) => ({ index: p.index, width: p.width, height: p.height })),
      fields: c.fields.map((f) => ({ ...f, filled: rec.values[f.fieldId] ? filledInfo(rec.values[f.fieldId]) : null })),
      options: c.options,
      signers: sum.signers,
      mySignerId: signer.signerId,
      myName: session.name,
      myStatus: me.status,
      canSign: b === null,
      blockedReason: b?.reason ?? null,
      blockedMessage: b?.message ?? null,
      reading: readingOf(c, rec, signer, t),
      passwordSet: !!slice().passwords[session.idHash],
      revision: rec.revision,
      documentHash: rec.currentHash
    }
  }

  // ---- intent

  /** Sends an INTENT code to the session's own phone (the core's SMS rules apply). */
  function sendIntentSms(session: SessionRecord, title: string, t: number): SmsTicket {
    return k.issueSmsCode(
      session.mobileHash,
      session.maskedMobile,
      'INTENT',
      t,
      mark,
      (code) => `【InkSeal】您正在签署《${title}》，意愿认证验证码为${code}，${SIGNING_RULES.SMS_CODE_TTL_MS / MINUTE}分钟内有效，请勿泄露给他人。`
    )
  }

  function hashPassword(password: string, salt: string): string {
    return hex(pbkdf2(sha256, utf8Bytes(password), utf8Bytes(salt), { c: SIGNING_RULES.PASSWORD_PBKDF2_ITERATIONS, dkLen: 32 }))
  }

  function passwordLockedError(until: number, t: number): ServiceError {
    const minutes = Math.max(1, Math.ceil((until - t) / MINUTE))
    return new ServiceError('SIGNING_PASSWORD_LOCKED', `签署密码错误次数过多，已锁定，请${minutes}分钟后再试`, { until, retryAfterMs: until - t })
  }

  /** Checks a password against the record: lock, wrong (5 wrong → locked 30 min), right. */
  function checkPassword(pw: PasswordRecord, password: string, t: number): void {
    if (pw.lockedUntil !== null) {
      if (t < pw.lockedUntil) throw passwordLockedError(pw.lockedUntil, t)
      pw.lockedUntil = null
      pw.wrong = 0
      mark()
    }
    if (hashPassword(password, pw.salt) === pw.hash) {
      if (pw.wrong) {
        pw.wrong = 0
        mark()
      }
      return
    }
    pw.wrong += 1
    mark()
    if (pw.wrong >= SIGNING_RULES.PASSWORD_MAX_WRONG) {
      pw.wrong = 0
      pw.lockedUntil = t + SIGNING_RULES.PASSWORD_LOCK_MS
      throw passwordLockedError(pw.lockedUntil, t)
    }
    const remaining = SIGNING_RULES.PASSWORD_MAX_WRONG - pw.wrong
    throw new ServiceError('SIGNING_PASSWORD_WRONG', `签署密码错误，还可尝试${remaining}次`, { remaining })
  }

  function requireCapture(o: Record<string, unknown>): FaceCapture {
    const c = o.capture as Record<string, unknown> | undefined
    const bad = () => invalid('capture', '人脸采集数据不完整，请重新采集')
    if (!c || typeof c !== 'object') throw bad()
    if (c.source !== 'camera' && c.source !== 'simulated') throw bad()
    if (typeof c.frames !== 'number' || !Number.isFinite(c.frames) || c.frames < 0) throw bad()
    if (!FACE_ACTIONS.includes(c.action as FaceCapture['action'])) throw bad()
    if (typeof c.completed !== 'boolean') throw bad()
    return { source: c.source, frames: c.frames, action: c.action as FaceCapture['action'], completed: c.completed }
  }

  // ---- audit

  function auditEvents(flow: FlowRecord, rec: FlowSign, t: number): AuditEvent[] {
    const who = (signerId: string) => flow.signers.find((s) => s.signerId === signerId)
    const label = (s: SignerRecord) => `${maskName(s.name)}（${s.enterpriseName ? `${s.enterpriseName}·` : ''}${s.roleLabel}）`
    const out: (AuditEvent & { seq: number })[] = []
    const initiator = flow.initiator.partyType === 'PERSON' ? maskName(flow.initiator.name) : flow.initiator.name
    const base = (seq: number, at: number, action: AuditEvent['action'], s: SignerRecord | null, description: string): AuditEvent & { seq: number } => ({
      seq,
      eventId: `${flow.flowId}-${action}-${seq}`,
      at,
      action,
      actor: s ? maskName(s.name) : action === 'CREATED' ? initiator : '系统',
      signerId: s?.signerId ?? null,
      enterpriseName: s?.enterpriseName ?? null,
      roleLabel: s?.roleLabel ?? null,
      description,
      verification: null,
      documentHash: null
    })
    out.push({ ...base(-3, flow.createdAt, 'CREATED', null, `${initiator}发起合同《${flow.title}》`), documentHash: rec.originalHash })
    flow.signers.forEach((s, i) => {
      if (s.joinedAt === null) return
      out.push({
        ...base(-2 + i / 1000, s.joinedAt, 'JOINED', s, `${label(s)}通过实名认证与人脸核验，加入签署`),
        verification: { identity: 'REAL_NAME+FACE', intent: null }
      })
    })
    for (const e of rec.events) {
      const s = who(e.signerId)
      if (!s) continue
      const intentLabel = e.intent ? { SMS: '短信验证码', FACE: '人脸识别', PASSWORD: '签署密码' }[e.intent] : ''
      switch (e.action) {
        case 'VIEWED':
          out.push(base(e.seq, e.at, 'VIEWED', s, `${label(s)}查看合同`))
          break
        case 'INTENT_CONFIRMED':
          out.push({
            ...base(e.seq, e.at, 'INTENT_CONFIRMED', s, `${label(s)}通过${intentLabel}完成意愿认证`),
            verification: { identity: 'REAL_NAME+FACE', intent: e.intent ?? null }
          })
          break
        case 'SIGNED':
          out.push({
            ...base(e.seq, e.at, 'SIGNED', s, `${label(s)}完成签署${e.simulated ? '（沙箱模拟）' : ''}`),
            verification: { identity: 'REAL_NAME+FACE', intent: e.intent ?? null },
            documentHash: e.hash ?? null
          })
          break
        case 'DECLINED':
          out.push(base(e.seq, e.at, 'DECLINED', s, `${label(s)}拒签，原因：${flow.closedReason ?? ''}`))
          break
      }
    }
    const status = statusOf(flow, t)
    const last = 1e12
    if (status === 'CANCELLED' && flow.cancelledAt !== null) {
      out.push(base(last, flow.cancelledAt, 'CANCELLED', null, flow.closedReason ?? '发起方已撤销合同'))
    } else if (status === 'EXPIRED') {
      out.push(base(last, flow.deadline, 'EXPIRED', null, '合同已过签署截止时间，未签署的签署方不能再签署'))
    } else if (status === 'COMPLETED') {
      const at = Math.max(...flow.signers.map((s) => s.signedAt ?? 0))
      out.push({ ...base(last, at, 'COMPLETED', null, '全部签署方已完成签署，合同生效'), documentHash: rec.currentHash })
    }
    return out.sort((a, b) => a.at - b.at || a.seq - b.seq).map(({ seq: _seq, ...e }) => e)
  }

  // ---- operations

  const ops: SigningOperations = {
    getContract(input) {
      return run('getContract', ({ t }): ContractView => {
        const o = inputObject(input)
        const { session, flow, signer } = access(o, t)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        if (rec.viewed[signer.signerId] === undefined) {
          rec.viewed[signer.signerId] = t
          rec.events.push({ seq: nextSeq(), at: t, action: 'VIEWED', signerId: signer.signerId })
          mark()
        }
        if (statusOf(flow, t) === 'SIGNING') startReading(rec, signer, t)
        return contractView(flow, rec, signer, session, t)
      })
    },

    getContractPages(input) {
      return run('getContractPages', ({ t }): ContractPages => {
        const o = inputObject(input)
        const { flow, signer } = access(o, t)
        const from = requireInt(o, 'from', 0, flow.pageCount - 1, `起始页须在0至${flow.pageCount - 1}之间`)
        const count = requireInt(o, 'count', 1, SIGNING_RULES.PAGES_MAX_PER_REQUEST, `每次最多获取${SIGNING_RULES.PAGES_MAX_PER_REQUEST}页`)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        const end = Math.min(flow.pageCount, from + count)
        if (statusOf(flow, t) === 'SIGNING') startReading(rec, signer, t)
        const reading = rec.reading[signer.signerId]
        if (end === flow.pageCount && reading && !reading.lastPageSeen) {
          reading.lastPageSeen = true
          mark()
        }
        const values = new Map<string, RenderValue>()
        for (const [id, v] of Object.entries(rec.values)) values.set(id, renderValue(v, id))
        const pages: PageImage[] = []
        for (let i = from; i < end; i++) {
          const p = c.pages[i]
          pages.push({ index: i, width: p.width, height: p.height, src: pageDataUrl(renderPageSvg(p, flow.pageCount, c.fields, values)) })
        }
        return { flowId: flow.flowId, revision: rec.revision, pageCount: flow.pageCount, pages }
      })
    },

    listMySeals(input) {
      return run('listMySeals', ({ t }): MySeals => {
        const o = inputObject(input)
        if (o.signerId === undefined) throw invalid('signerId', '缺少签署人编号')
        const { session, flow, signer } = access(o, t, 'signerId')
        const c = contractOf(flow)
        const sealFields = c.fields.filter((f) => f.signerId === signer.signerId && (f.type === 'SIGN_SEAL' || f.type === 'SIGN_PAGING_SEAL'))
        const seals: SealInfo[] = sealsFor(signer, session.idHash).map((s) => {
          const spec = sealSpecOf(s)
          return {
            sealId: s.sealId,
            sealType: s.sealType,
            typeLabel: SEAL_TYPE_LABELS[s.sealType],
            enterpriseName: sealEnterpriseName(s),
            spec,
            image: sealDataUrl(spec, 160),
            acceptedBy: sealFields.filter((f) => (f.acceptedSealTypes ?? []).includes(s.sealType)).map((f) => f.fieldId)
          }
        })
        const unfillable = sealFields.filter((f) => !seals.some((s) => s.acceptedBy.includes(f.fieldId)))
        const missing = unfillable.length ? unfillable[0].acceptedSealTypes ?? [] : []
        return {
          signerId: signer.signerId,
          enterpriseName: signer.enterpriseName,
          seals,
          fields: sealFields.map((f) => ({
            fieldId: f.fieldId,
            type: f.type as 'SIGN_SEAL' | 'SIGN_PAGING_SEAL',
            label: f.label,
            acceptedSealTypes: f.acceptedSealTypes ?? []
          })),
          unfillable: unfillable.map((f) => f.fieldId),
          hint: unfillable.length ? `您暂无可用于本合同的印章，请联系企业管理员为您授权${sealTypesLabel(missing.filter((x) => x !== 'OFFICIAL').length ? missing.filter((x) => x !== 'OFFICIAL') : missing)}` : null
        }
      })
    },

    startIntent(input) {
      return run('startIntent', ({ t }): IntentChallenge => {
        const o = inputObject(input)
        const method = o.method as IntentMethod
        if (!METHODS.includes(method)) throw invalid('method', '意愿认证方式不正确')
        const { session, flow, signer } = access(o, t, 'signerId')
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        if (!c.options.intentMethods.includes(method)) {
          throw new ServiceError('INTENT_METHOD_NOT_ALLOWED', '本合同不支持该意愿认证方式，请选择其他方式', { allowed: c.options.intentMethods })
        }
        assertCanAct(flow, signer, t)
        assertRead(c, rec, signer, t)
        const s = slice()
        let sms: SmsTicket | null = null
        let faceAction: FaceCapture['action'] | null = null
        let passwordSet: boolean | null = null
        let remainingTries: number = SIGNING_RULES.FACE_MAX_FAILURES
        if (method === 'SMS') {
          sms = sendIntentSms(session, flow.title, t)
          remainingTries = 5 - (k.state().sms[`${session.mobileHash}:INTENT`]?.wrongCount ?? 0)
        } else if (method === 'FACE') {
          faceAction = FACE_ACTIONS[Math.floor(k.rng().next() * FACE_ACTIONS.length)]
        } else {
          const pw = s.passwords[session.idHash]
          passwordSet = !!pw
          if (pw && pw.lockedUntil !== null && t < pw.lockedUntil) throw passwordLockedError(pw.lockedUntil, t)
          remainingTries = SIGNING_RULES.PASSWORD_MAX_WRONG - (pw && (pw.lockedUntil === null || t < pw.lockedUntil) ? pw.wrong : 0)
        }
        const id = `ic_${randomString(k.rng(), 20)}`
        const expiresAt = method === 'SMS' && sms ? sms.expiresAt : t + SIGNING_RULES.INTENT_CHALLENGE_TTL_MS
        s.challenges[id] = {
          id,
          idHash: session.idHash,
          flowId: flow.flowId,
          signerId: signer.signerId,
          method,
          createdAt: t,
          expiresAt,
          faceAction,
          failures: 0,
          usedAt: null
        }
        mark()
        return { challengeId: id, method, expiresAt, sms, faceAction, passwordSet, remainingTries }
      })
    },

    confirmIntent(input) {
      return run('confirmIntent', ({ t, touch }): IntentGrant => {
        const o = inputObject(input)
        const challengeId = requireString(o, 'challengeId', '缺少意愿认证编号')
        const { session, flow } = access(o, t)
        const s = slice()
        const ch = s.challenges[challengeId]
        if (!ch || ch.idHash !== session.idHash || ch.flowId !== flow.flowId || ch.usedAt !== null || t >= ch.expiresAt) {
          throw new ServiceError('INTENT_CHALLENGE_INVALID', '意愿认证已失效，请重新发起', { challengeId })
        }
        const signer = flow.signers.find((x) => x.signerId === ch.signerId && x.joinedBy === session.idHash)
        if (!signer) throw new ServiceError('FORBIDDEN', '您不能代替其他签署人操作')
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        assertCanAct(flow, signer, t)

        if (ch.method === 'SMS') {
          const code = typeof o.smsCode === 'string' ? o.smsCode.trim() : ''
          if (!/^\d{6}$/.test(code)) throw invalid('smsCode', '请输入6位短信验证码')
          const smsRec = k.verifySmsCode(session.mobileHash, 'INTENT', code, t, touch)
          smsRec.code = null
        } else if (ch.method === 'FACE') {
          const capture = requireCapture(o)
          const problem = !capture.completed
            ? { reason: 'ACTION_NOT_COMPLETED', message: '未完成指定动作，请重试' }
            : capture.action !== ch.faceAction
              ? { reason: 'ACTION_MISMATCH', message: '动作与要求不一致，请按提示完成动作' }
              : faceFailHashes.has(session.idHash)
                ? { reason: 'FACE_MISMATCH', message: '人脸与实名认证信息比对不一致' }
                : null
          if (problem) {
            ch.failures += 1
            mark()
            if (ch.failures >= SIGNING_RULES.FACE_MAX_FAILURES) {
              ch.usedAt = t
              throw new ServiceError('INTENT_CHALLENGE_INVALID', '人脸核验失败次数过多，请重新发起意愿认证', { reason: 'FACE_FAILURES' })
            }
            throw new ServiceError('FACE_FAILED', problem.message, { reason: problem.reason, remaining: SIGNING_RULES.FACE_MAX_FAILURES - ch.failures })
          }
        } else {
          const pw = s.passwords[session.idHash]
          if (!pw) throw new ServiceError('SIGNING_PASSWORD_NOT_SET', '您尚未设置签署密码，请先设置')
          const password = typeof o.password === 'string' ? o.password : ''
          if (!/^\d{6}$/.test(password)) throw invalid('password', '请输入6位数字签署密码')
          checkPassword(pw, password, t)
        }

        ch.usedAt = t
        let token: string
        do token = `it_${randomString(k.rng(), 32)}`
        while (s.tokens[token])
        const expiresAt = t + SIGNING_RULES.INTENT_TOKEN_TTL_MS
        s.tokens[token] = { idHash: session.idHash, flowId: flow.flowId, signerId: signer.signerId, method: ch.method, expiresAt, usedAt: null }
        rec.events.push({ seq: nextSeq(), at: t, action: 'INTENT_CONFIRMED', signerId: signer.signerId, intent: ch.method })
        mark()
        return { intentToken: token, method: ch.method, expiresAt }
      })
    },

    setSigningPassword(input) {
      return run('setSigningPassword', ({ t }): { ok: true } => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const password = typeof o.password === 'string' ? o.password : ''
        const v = validateSigningPassword(password)
        if (!v.ok) {
          if (v.code === 'FORMAT') throw new ServiceError('INVALID_INPUT', v.message, { field: 'password', reason: v.code })
          throw new ServiceError('SIGNING_PASSWORD_WEAK', v.message, { reason: v.code })
        }
        const s = slice()
        const existing = s.passwords[session.idHash]
        if (existing) {
          const current = typeof o.currentPassword === 'string' ? o.currentPassword : ''
          if (!current) throw new ServiceError('SIGNING_PASSWORD_EXISTS', '您已设置签署密码；如需修改，请输入原签署密码')
          checkPassword(existing, current, t)
        }
        const salt = randomString(k.rng(), 16)
        s.passwords[session.idHash] = { salt, hash: hashPassword(password, salt), setAt: t, wrong: 0, lockedUntil: null }
        mark()
        return { ok: true }
      })
    },

    submitSigning(input) {
      return run('submitSigning', ({ t }): SubmitResult => {
        const o = inputObject(input)
        if (o.signerId === undefined) throw invalid('signerId', '缺少签署人编号')
        const key = typeof o.idempotencyKey === 'string' ? o.idempotencyKey : ''
        if (!IDEMPOTENCY_KEY.test(key)) throw invalid('idempotencyKey', '请求编号格式不正确')
        if (!Array.isArray(o.values) || o.values.length > SIGNING_RULES.MAX_VALUES) throw invalid('values', '签署内容格式不正确')
        const rawValues = o.values as RawFieldValue[]
        const { session, flow, signer } = access(o, t, 'signerId')
        const s = slice()

        // Idempotency: the same key answers with the same result, whatever happened since.
        const fingerprint = sha256Hex(
          JSON.stringify({
            flowId: flow.flowId,
            signerId: signer.signerId,
            values: [...rawValues].sort((a, b) => (String(a?.fieldId) < String(b?.fieldId) ? -1 : 1))
          })
        )
        const prior = s.idempotency[key]
        if (prior) {
          if (prior.idHash === session.idHash && prior.flowId === flow.flowId && prior.signerId === signer.signerId && prior.fingerprint === fingerprint) {
            return prior.result
          }
          throw new ServiceError('IDEMPOTENCY_KEY_REUSED', '请求编号已被使用，请刷新后重试', { idempotencyKey: key })
        }

        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        assertCanAct(flow, signer, t)
        assertRead(c, rec, signer, t)

        const myFields = c.fields.filter((f) => f.signerId === signer.signerId)
        const checked = validateSubmission(myFields as FieldRules[], rawValues, {
          allowSystemSignature: c.options.allowSystemSignature,
          signatureApply: c.options.signatureApply,
          sealTypeOf: (id) => demoSeal(id)?.sealType ?? null
        })
        if (checked.problems.length) {
          const p = checked.problems[0]
          throw new ServiceError(p.code, p.message, {
            fieldId: p.fieldId,
            reason: p.reason,
            problems: checked.problems.map((x) => ({ fieldId: x.fieldId, code: x.code, reason: x.reason }))
          })
        }
        const mySeals = sealsFor(signer, session.idHash)
        for (const v of checked.values) {
          if (!v.sealId) continue
          if (!mySeals.some((x) => x.sealId === v.sealId)) {
            const seal = demoSeal(v.sealId)
            throw new ServiceError(
              'SEAL_NOT_AUTHORIZED',
              seal ? `您未获授权使用${sealEnterpriseName(seal)}的${SEAL_TYPE_LABELS[seal.sealType]}，请联系企业管理员授权` : '您未获授权使用该印章',
              { fieldId: v.fieldId, sealId: v.sealId }
            )
          }
        }

        const intentToken = typeof o.intentToken === 'string' ? o.intentToken : ''
        const tok = intentToken ? s.tokens[intentToken] : undefined
        if (!tok || tok.usedAt !== null || tok.idHash !== session.idHash || tok.flowId !== flow.flowId || tok.signerId !== signer.signerId) {
          throw new ServiceError('INTENT_TOKEN_INVALID', '意愿认证无效或已使用，请重新进行意愿认证')
        }
        if (t >= tok.expiresAt) {
          throw new ServiceError('INTENT_TOKEN_EXPIRED', '意愿认证已过期（有效期10分钟），请重新进行意愿认证', { expiredAt: tok.expiresAt })
        }

        // Commit.
        tok.usedAt = t
        const byId = new Map(myFields.map((f) => [f.fieldId, f]))
        for (const v of checked.values) {
          const f = byId.get(v.fieldId)!
          const stored: StoredValue = { kind: f.type, by: signer.signerId, at: t }
          if (v.pngBase64) stored.img = storeImage(v.pngBase64, t)
          if (v.sealId) stored.sealId = v.sealId
          if (f.type === 'SIGN_DATE') stored.text = formatSignDate(t, f.dateFormat ?? 'YYYY年MM月DD日')
          if (v.text !== undefined) stored.text = v.text
          if (v.checked !== undefined) stored.checked = v.checked
          rec.values[f.fieldId] = stored
        }
        commitSigned(flow, rec, signer, t, tok.method, false)
        scheduleOthers(flow, rec, t)
        const sum = k.summary(flow, t)
        const result: SubmitResult = {
          flowId: flow.flowId,
          signerId: signer.signerId,
          idempotencyKey: key,
          signedAt: t,
          signerStatus: 'SIGNED',
          flowStatus: sum.status,
          intentMethod: tok.method,
          revision: rec.revision,
          documentHash: rec.currentHash,
          signers: sum.signers
        }
        s.idempotency[key] = { flowId: flow.flowId, signerId: signer.signerId, idHash: session.idHash, fingerprint, at: t, result }
        mark()
        return result
      })
    },

    declineSigning(input) {
      return run('declineSigning', ({ t }): DeclineResult => {
        const o = inputObject(input)
        if (o.signerId === undefined) throw invalid('signerId', '缺少签署人编号')
        const reason = typeof o.reason === 'string' ? o.reason.trim() : ''
        const n = charLength(reason)
        if (n < SIGNING_RULES.DECLINE_REASON_MIN || n > SIGNING_RULES.DECLINE_REASON_MAX) {
          throw new ServiceError('INVALID_INPUT', `请填写拒签原因（${SIGNING_RULES.DECLINE_REASON_MIN}至${SIGNING_RULES.DECLINE_REASON_MAX}个字）`, {
            field: 'reason',
            min: SIGNING_RULES.DECLINE_REASON_MIN,
            max: SIGNING_RULES.DECLINE_REASON_MAX
          })
        }
        const { flow, signer } = access(o, t, 'signerId')
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        if (!c.options.allowDecline) throw new ServiceError('DECLINE_NOT_ALLOWED', '本合同不允许拒签，如有疑问请联系发起方')
        assertCanAct(flow, signer, t, { ignoreTurn: true })
        signer.status = 'DECLINED'
        signer.signedAt = t
        flow.closedReason = reason
        rec.schedule = []
        rec.events.push({ seq: nextSeq(), at: t, action: 'DECLINED', signerId: signer.signerId })
        mark()
        return { flowId: flow.flowId, signerId: signer.signerId, declinedAt: t, flowStatus: 'DECLINED', reason }
      })
    },

    getSigningStatus(input) {
      return run('getSigningStatus', ({ t }): SigningStatus => {
        const o = inputObject(input)
        const { flow, signer } = access(o, t)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const sum = k.summary(flow, t)
        return {
          flowId: flow.flowId,
          status: sum.status,
          revision: rec.revision,
          documentHash: rec.currentHash,
          signers: sum.signers,
          mySignerId: signer.signerId,
          nextAutoSignAt: rec.schedule.length ? Math.min(...rec.schedule.map((x) => x.at)) : null
        }
      })
    },

    getAuditTrail(input) {
      return run('getAuditTrail', ({ t }): AuditTrail => {
        const o = inputObject(input)
        const { flow } = access(o, t)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        return {
          flowId: flow.flowId,
          title: flow.title,
          status: statusOf(flow, t),
          algorithm: 'SHA-256',
          originalHash: rec.originalHash,
          currentHash: rec.currentHash,
          events: auditEvents(flow, rec, t)
        }
      })
    },

    verifyDocument(input) {
      return run('verifyDocument', ({ t }): DocumentVerification => {
        const o = inputObject(input)
        const { flow } = access(o, t)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        const problems: string[] = []
        const computed = documentHash(c, rec.values)
        const original = documentHash(c, {})
        if (original !== rec.originalHash) problems.push('合同原文与发起时记录的摘要不一致')
        // Replay the signatures: after each one, the values committed so far must give the hash
        // recorded with it (so a later signature cannot launder an earlier change).
        const signed = rec.events.filter((e) => e.action === 'SIGNED').sort((a, b) => a.seq - b.seq)
        const upTo: Record<string, StoredValue> = {}
        let chainOk = true
        for (const e of signed) {
          for (const [id, v] of Object.entries(rec.values)) if (v.by === e.signerId) upTo[id] = v
          if (chainOk && documentHash(c, upTo) !== e.hash) {
            chainOk = false
            const s = flow.signers.find((x) => x.signerId === e.signerId)
            problems.push(`${s ? maskName(s.name) : e.signerId}签署时记录的摘要与当前合同内容不一致，文件可能已被篡改`)
          }
        }
        if (Object.values(rec.values).some((v) => !signed.some((e) => e.signerId === v.by))) {
          problems.push('合同中存在没有签署记录的内容')
        }
        if (computed !== rec.currentHash) problems.push('合同内容与最近一次签署记录的摘要不一致，文件可能已被篡改')
        const images = slice().images
        for (const [fieldId, v] of Object.entries(rec.values)) {
          if (!v.img || !images[v.img]) continue
          const bytes = base64Decode(images[v.img].b64)
          if (!bytes || hex(sha256(bytes)) !== v.img) problems.push(`签署区“${c.fields.find((f) => f.fieldId === fieldId)?.label ?? fieldId}”的签名影像与记录不一致`)
        }
        return {
          flowId: flow.flowId,
          algorithm: 'SHA-256',
          match: problems.length === 0,
          recordedHash: rec.currentHash,
          computedHash: computed,
          originalHashMatch: original === rec.originalHash,
          checkedAt: t,
          problems
        }
      })
    }
  }

  // ---- dev tools (persisted through k.run under a read-only operation name)

  function demoSealView(seal: DemoSeal): DemoSealView {
    const grants = grantsOf(seal.sealId)
    const names = DEMO_PERSON_KEYS.filter(
      (p) => seal.authorised.includes(p) || grants.includes(hashId(DEMO_PEOPLE[p].idNumber))
    ).map((p) => maskName(DEMO_PEOPLE[p].name))
    return { sealId: seal.sealId, enterpriseName: sealEnterpriseName(seal), sealType: seal.sealType, typeLabel: SEAL_TYPE_LABELS[seal.sealType], authorised: names }
  }

  const dev: SigningDevTools = {
    playOthers(flowId, opts = {}) {
      return run('getSigningStatus', ({ t }): PlayOthersResult => {
        const flow = flowById(flowId)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const except = new Set(opts.except ?? [])
        const signed: string[] = []
        const skipped: { signerId: string; reason: string }[] = []
        const pending = flow.signers.filter((s) => s.status === 'PENDING').sort((a, b) => a.order - b.order)
        for (const s of pending) {
          const status = statusOf(flow, t)
          if (status !== 'SIGNING') {
            skipped.push({ signerId: s.signerId, reason: '合同不在签署中' })
            continue
          }
          if (except.has(s.signerId) || s.joinedBy !== null) {
            skipped.push({ signerId: s.signerId, reason: '该签署人由真人操作，沙箱不代签' })
            continue
          }
          if (waitingFor(flow, s).length) {
            skipped.push({ signerId: s.signerId, reason: '需等待前序签署人签署' })
            continue
          }
          const problem = fillFor(flow, rec, s, t, 'FACE')
          if (problem) skipped.push({ signerId: s.signerId, reason: problem })
          else signed.push(s.signerId)
        }
        return { signed, skipped, flowStatus: statusOf(flow, t) }
      })
    },

    setAutoPlayOthers(on) {
      return run('getSigningStatus', (): { autoPlay: boolean } => {
        const s = slice()
        s.autoPlay = !!on
        if (!on) for (const rec of Object.values(s.flows)) rec.schedule = []
        mark()
        return { autoPlay: s.autoPlay }
      })
    },

    authoriseSeal(input) {
      return run('listMySeals', (): DemoSealView => {
        const seal = demoSeal(input?.sealId)
        if (!seal) throw invalid('sealId', '印章不存在')
        const person = demoPersonByName(input?.personName)
        if (!person) throw invalid('personName', '演示人员不存在')
        const s = slice()
        const idHash = hashId(DEMO_PEOPLE[person].idNumber)
        const list = s.grants[seal.sealId] ?? []
        if (!list.includes(idHash)) s.grants[seal.sealId] = [...list, idHash]
        mark()
        return demoSealView(seal)
      })
    },

    listDemoSeals() {
      return DEMO_SEALS.map(demoSealView)
    }
  }

  return { ops, dev }
}
