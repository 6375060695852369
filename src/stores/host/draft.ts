import { makeAutoObservable } from 'mobx'
import { MEETING_LIMITS, type ObserverDraft, type SignerDraft, type SignerKind } from '@/domain/meeting/setup'
import { formatMeetingTime, parseMeetingTime } from '@/domain/meeting/time'

export type SignerField = 'name' | 'idNumber' | 'mobile' | 'company' | 'creditCode' | 'role' | 'order'
export type ObserverField = keyof ObserverDraft

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE

/** Default roles by position: 甲方, 乙方, 丙方, … */
const ROLES = ['甲方', '乙方', '丙方', '丁方', '戊方', '己方', '庚方', '辛方', '壬方', '癸方']

/**
 * The meeting part of the host's draft: name, start and end (typed as 'YYYY-MM-DD HH:mm'),
 * signers and observers. Values are kept exactly as typed; checkMeetingDraft judges them.
 */
export class MeetingDraftUnit {
  name = ''
  startsAtText: string
  endsAtText: string
  signers: SignerDraft[] = []
  observers: ObserverDraft[] = []
  private seq = 0

  constructor(now: number) {
    this.startsAtText = ''
    this.endsAtText = ''
    makeAutoObservable<MeetingDraftUnit, 'seq'>(this, { seq: false })
    this.reset(now)
  }

  /**
   * A blank meeting: from this minute for two hours, one personal signer. A host usually starts
   * the meeting in the room; a later start keeps the signers reading until then
   * (MEETING_NOT_STARTED), so that is a choice the host makes, not the default.
   */
  reset(now: number): void {
    const start = Math.floor(now / MINUTE) * MINUTE
    this.name = ''
    this.startsAtText = formatMeetingTime(start)
    this.endsAtText = formatMeetingTime(start + 2 * HOUR)
    this.signers = []
    this.observers = []
    this.addSigner('PERSON')
  }

  get startsAt(): number {
    return parseMeetingTime(this.startsAtText)
  }

  get endsAt(): number {
    return parseMeetingTime(this.endsAtText)
  }

  setName(v: string): void {
    this.name = v
  }

  setTime(which: 'start' | 'end', v: string): void {
    if (which === 'start') this.startsAtText = v
    else this.endsAtText = v
  }

  /** Adds a signer; returns its key, or null at the limit. */
  addSigner(kind: SignerKind): string | null {
    if (this.signers.length >= MEETING_LIMITS.signersMax) return null
    const key = `s${++this.seq}`
    const base = { key, kind, name: '', idNumber: '', mobile: '', role: ROLES[this.signers.length] ?? '', order: 1 }
    this.signers.push(kind === 'ENTERPRISE' ? { ...base, company: '', creditCode: '' } : base)
    return key
  }

  removeSigner(key: string): void {
    this.signers = this.signers.filter((s) => s.key !== key)
  }

  signer(key: string): SignerDraft | undefined {
    return this.signers.find((s) => s.key === key)
  }

  setSigner(key: string, field: SignerField, value: string): void {
    const s = this.signer(key)
    if (!s) return
    if (field === 'order') s.order = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN
    else s[field] = value
  }

  /** Personal ⇄ enterprise; company and credit code are kept while switching back and forth. */
  setSignerKind(key: string, kind: SignerKind): void {
    const s = this.signer(key)
    if (!s) return
    s.kind = kind
    if (kind === 'ENTERPRISE') {
      s.company ??= ''
      s.creditCode ??= ''
    }
  }

  addObserver(): boolean {
    if (this.observers.length >= MEETING_LIMITS.observersMax) return false
    this.observers.push({ name: '', mobile: '' })
    return true
  }

  removeObserver(index: number): void {
    this.observers.splice(index, 1)
  }

  setObserver(index: number, field: ObserverField, value: string): void {
    const o = this.observers[index]
    if (o) o[field] = value
  }
}
