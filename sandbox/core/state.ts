/**
 * The persisted sandbox state. Plain JSON; holds no full resident ID or mobile number (only
 * keyed hashes from hash.ts and masked forms). Names may be stored.
 */
import { maskMobile } from '@/domain/identity'
import type { FieldType, PartyType, FlowKind, SmsPurpose, SmsMessage } from '@/services/types'
import { DEMO_ENTERPRISES, DEMO_FLOW_SPECS, DEMO_LINK_SPECS, DEMO_PEOPLE, type DemoFlowSpec, type DemoLinkKey } from './demoData'
import { hashId, hashMobile } from './hash'
import { randomString, type Rng } from '@/domain/random'

export const STATE_VERSION = 1

export interface SignerRecord {
  signerId: string
  order: number
  partyType: PartyType
  enterpriseName: string | null
  /** Credit code of the enterprise the signer signs for (null for a person) */
  enterpriseCreditCode: string | null
  /** The name the initiator entered */
  name: string
  idHash: string
  mobileHash: string
  maskedMobile: string
  roleLabel: string
  /** Stored status; PENDING is shown as EXPIRED/CANCELLED when the flow is */
  status: 'PENDING' | 'SIGNED' | 'DECLINED'
  signedAt: number | null
  /** idHash of the verified person who joined as this signer, or null */
  joinedBy: string | null
  joinedAt: number | null
}

export interface PartyRecord {
  partyType: PartyType
  /** Enterprise name, or the person's name (masked when shown) */
  name: string
}

/** A page of a hosted contract: its size in points and the image the host's browser rendered (a blob). */
export interface HostedPageRecord {
  w: number
  h: number
  /** SHA-256 (hex) of the image bytes in the blob store */
  img: string
  mime: 'image/png' | 'image/jpeg'
}

/** A field the host placed; `signer` is the index into the flow's signers. */
export interface HostedFieldRecord {
  signer: number
  type: FieldType
  page: number
  x: number
  y: number
  w: number
  h: number
  required: boolean
  label: string
}

/** A contract a host uploaded (sandbox/host): its pages are images, its original is the PDF. */
export interface HostedContract {
  meetingId: string
  fileName: string
  /** SHA-256 (hex) of the uploaded PDF in the blob store */
  pdf: string
  /** The meeting's start: before it the signers may read, not sign (absent in older state) */
  startsAt?: number
  pages: HostedPageRecord[]
  fields: HostedFieldRecord[]
}

export interface FlowRecord {
  flowId: string
  title: string
  kind: FlowKind
  initiator: PartyRecord
  meetingName: string | null
  createdAt: number
  deadline: number
  cancelledAt: number | null
  closedReason: string | null
  pageCount: number
  parties: PartyRecord[]
  signers: SignerRecord[]
  /** Present on flows a host created from an uploaded PDF: the sandbox never signs for their signers */
  hosted?: HostedContract
}

export interface LinkRecord {
  token: string
  flowId: string
  expiresAt: number
  createdAt: number
}

export interface DemoLinkRecord {
  key: DemoLinkKey
  token: string
}

export interface SmsRecord {
  purpose: SmsPurpose
  /** The active code, or null when none (never sent, consumed, or voided by a lock) */
  code: string | null
  sentAt: number
  expiresAt: number
  /** Wrong codes since the last success (counted across resends) */
  wrongCount: number
  lockedUntil: number | null
}

export interface VerificationRecord {
  id: string
  idHash: string
  mobileHash: string
  name: string
  maskedName: string
  maskedId: string
  maskedMobile: string
  faceFails: boolean
  faceFailures: number
  createdAt: number
  expiresAt: number
}

export interface SessionRecord {
  token: string
  idHash: string
  mobileHash: string
  name: string
  maskedName: string
  maskedId: string
  maskedMobile: string
  createdAt: number
  expiresAt: number
  revokedAt: number | null
}

/** A signing meeting (会中签约): flows sharing a meetingName, shown on one screen. */
export interface MeetingRecord {
  meetingId: string
  name: string
  /** Secret of the initiator's meeting screen */
  boardKey: string
  flowIds: string[]
  /** The link token each flow's QR code on the screen carries */
  linkTokens: Record<string, string>
  /** Present on meetings a host set up (sandbox/host) */
  hosted?: HostedMeetingRecord
}

/** What a host's meeting keeps besides the demo meeting's data. */
export interface HostedMeetingRecord {
  /** ID hash of the verified person who hosts it */
  hostIdHash: string
  startsAt: number
  endsAt: number
  createdAt: number
  cancelledAt: number | null
  /** The screen: title, and the logo / background as blob hashes with their MIME type */
  title: string
  logo: { hash: string; mime: string } | null
  background: { hash: string; mime: string } | null
  invites: { to: 'SIGNER' | 'OBSERVER'; maskedName: string; maskedMobile: string; smsId: string }[]
  warnings: string[]
}

export interface SandboxState {
  version: typeof STATE_VERSION
  seed: number
  seededAt: number
  /** State of the PRNG that draws codes and tokens (continues across reloads) */
  rng: number
  flows: Record<string, FlowRecord>
  links: Record<string, LinkRecord>
  demoLinks: DemoLinkRecord[]
  /** Key: `${mobileHash}:${purpose}` */
  sms: Record<string, SmsRecord>
  /** Send times per mobile hash within the rolling 24 h window (daily limit) */
  smsLog: Record<string, number[]>
  /** Newest last; listed newest first */
  outbox: SmsMessage[]
  verifications: Record<string, VerificationRecord>
  sessions: Record<string, SessionRecord>
  meetings: Record<string, MeetingRecord>
  /** State slices of the feature modules (signing, enterprise), by module name; see SandboxKernel.module */
  modules: Record<string, unknown>
}

const DAY = 24 * 60 * 60 * 1000

/** Generates a link token unique within the state. */
export function newLinkToken(state: SandboxState, rng: Rng): string {
  for (;;) {
    const t = randomString(rng, 8)
    if (!state.links[t]) return t
  }
}

function demoFlow(spec: DemoFlowSpec, now: number): FlowRecord {
  const createdAt = now - spec.createdAgo
  const initiator: PartyRecord =
    'enterprise' in spec.initiator
      ? { partyType: 'ENTERPRISE', name: DEMO_ENTERPRISES[spec.initiator.enterprise].name }
      : 'person' in spec.initiator
        ? { partyType: 'PERSON', name: DEMO_PEOPLE[spec.initiator.person].name }
        : { partyType: 'ENTERPRISE', name: spec.initiator.enterpriseName }
  const parties: PartyRecord[] = []
  const addParty = (p: PartyRecord) => {
    if (!parties.some((x) => x.partyType === p.partyType && x.name === p.name)) parties.push(p)
  }
  if (initiator.partyType === 'ENTERPRISE') addParty(initiator)
  const signers: SignerRecord[] = spec.signers.map((s, i) => {
    const person = DEMO_PEOPLE[s.person]
    const enterprise = s.enterprise ? DEMO_ENTERPRISES[s.enterprise] : null
    addParty(enterprise ? { partyType: 'ENTERPRISE', name: enterprise.name } : { partyType: 'PERSON', name: person.name })
    const signed = s.signedAfter !== undefined
    const idHash = hashId(person.idNumber)
    return {
      signerId: `${spec.flowId}-${i + 1}`,
      order: s.order,
      partyType: s.partyType,
      enterpriseName: enterprise ? enterprise.name : null,
      enterpriseCreditCode: enterprise ? enterprise.creditCode : null,
      name: person.name,
      idHash,
      mobileHash: hashMobile(person.mobile),
      maskedMobile: maskMobile(person.mobile),
      roleLabel: s.roleLabel,
      status: signed ? 'SIGNED' : 'PENDING',
      signedAt: signed ? createdAt + (s.signedAfter as number) : null,
      // Whoever signed has joined the flow before.
      joinedBy: signed ? idHash : null,
      joinedAt: signed ? createdAt + (s.signedAfter as number) - 60_000 : null
    }
  })
  return {
    flowId: spec.flowId,
    title: spec.title,
    kind: spec.kind,
    initiator,
    meetingName: spec.meetingName,
    createdAt,
    deadline: now + spec.deadlineIn,
    cancelledAt: spec.cancelled ? now - spec.cancelled.ago : null,
    closedReason: spec.cancelled ? spec.cancelled.reason : null,
    pageCount: spec.pageCount,
    parties,
    signers
  }
}

/** A fresh state with the demo data, created relative to `now`. */
export function seedState(seed: number, now: number, rng: Rng): SandboxState {
  const state: SandboxState = {
    version: STATE_VERSION,
    seed,
    seededAt: now,
    rng: rng.state,
    flows: {},
    links: {},
    demoLinks: [],
    sms: {},
    smsLog: {},
    outbox: [],
    verifications: {},
    sessions: {},
    meetings: {},
    modules: {}
  }
  for (const spec of DEMO_FLOW_SPECS) state.flows[spec.flowId] = demoFlow(spec, now)
  for (const spec of DEMO_LINK_SPECS) {
    const token = newLinkToken(state, rng)
    state.links[token] = { token, flowId: spec.flowId, expiresAt: now + spec.expiresIn, createdAt: now - 1 * DAY }
    state.demoLinks.push({ key: spec.key, token })
  }
  // Meetings: flows with the same meetingName share one screen.
  for (const spec of DEMO_FLOW_SPECS) {
    if (!spec.meetingName) continue
    let m = Object.values(state.meetings).find((x) => x.name === spec.meetingName)
    if (!m) {
      const meetingId = `MT${randomString(rng, 6).toUpperCase()}`
      m = { meetingId, name: spec.meetingName, boardKey: randomString(rng, 16), flowIds: [], linkTokens: {} }
      state.meetings[meetingId] = m
    }
    const token = newLinkToken(state, rng)
    state.links[token] = { token, flowId: spec.flowId, expiresAt: now + spec.deadlineIn, createdAt: now }
    m.flowIds.push(spec.flowId)
    m.linkTokens[spec.flowId] = token
  }
  state.rng = rng.state
  return state
}

/** Parses persisted JSON; null when absent, unreadable or of another version. */
export function parseState(json: string | null): SandboxState | null {
  if (!json) return null
  try {
    const s = JSON.parse(json) as Partial<SandboxState>
    if (!s || typeof s !== 'object' || s.version !== STATE_VERSION) return null
    if (typeof s.rng !== 'number' || !s.flows || !s.links || !Array.isArray(s.demoLinks)) return null
    if (!s.sms || !s.smsLog || !Array.isArray(s.outbox) || !s.verifications || !s.sessions) return null
    if (!s.modules || typeof s.modules !== 'object') s.modules = {}
    if (!s.meetings || typeof s.meetings !== 'object') s.meetings = {}
    return s as SandboxState
  } catch {
    return null
  }
}
