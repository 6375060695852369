/**
 * Signing module context: per-flow records, seals, committed values, scheduled signers and reading.
 */
import { base64Decode } from '@/domain/contract/base64'
import { formatSignDate } from '@/domain/contract/dateFormat'
import { maskName } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type { FilledInfo, IntentMethod, ReadingProgress, SealType } from '@/services/types'
import { SEAL_TYPE_LABELS } from '@/services/types.signing'
import { sha256 } from '@noble/hashes/sha256'
import { DEMO_PEOPLE } from '../core/demoData'
import { hashId } from '../core/hash'
import type { FlowRecord, SignerRecord } from '../core/state'
import type { SigningAccessContext, signingAccess } from './access'
import type { RenderValue } from './contractRender'
import { type ContractInfo, type FlowSign, MINUTE, SECOND, SIGNING_RULES, type StoredValue, contractOf, documentHash, hex } from './model'
import { fromDemo, orgSealsFor, sealById, type UsableSeal } from './seals'
import { DEMO_SEALS, sealCreditCode, type DemoSeal } from './signingDemo'

export type SigningValuesContext = SigningAccessContext & ReturnType<typeof signingAccess>

export function signingValues(c: SigningValuesContext) {
  const { k, mark, slice, nextSeq, statusOf, waitingFor } = c
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

  /**
   * Seals of the signer's enterprise the person may use: the demo enterprises' by their lists,
   * and the enabled seals of an enterprise activated in the sandbox its administrator granted them.
   */
  function sealsFor(signer: SignerRecord, idHash: string): UsableSeal[] {
    if (signer.partyType !== 'ENTERPRISE' || !signer.enterpriseCreditCode) return []
    const demo = DEMO_SEALS.filter((s) => sealCreditCode(s) === signer.enterpriseCreditCode && isAuthorised(s, idHash)).map(fromDemo)
    return [...demo, ...orgSealsFor(k.state(), signer.enterpriseCreditCode, idHash)]
  }

  /** Any known seal by id (demo or an activated enterprise's, disabled ones too). */
  function sealOf(sealId: string | undefined): UsableSeal | null {
    return sealById(k.state(), sealId)
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
      const seal = sealOf(v.sealId)
      if (seal) out.seal = seal.spec
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
        const seal = sealOf(v.sealId)
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
    rec.events.push({
      seq: nextSeq(),
      at,
      action: 'SIGNED',
      signerId: signer.signerId,
      intent,
      hash: rec.currentHash,
      ...(simulated ? { simulated: true } : {})
    })
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
    // hosted flows (sandbox/host) are signed by people only
    if (!slice().autoPlay || flow.hosted) return
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

  return {
    flowRec,
    grantsOf,
    isAuthorised,
    sealsFor,
    sealOf,
    sealTypesLabel,
    storeImage,
    renderValue,
    filledInfo,
    commitSigned,
    fillFor,
    applyDue,
    scheduleOthers,
    startReading,
    readingOf,
    assertRead
  }
}
