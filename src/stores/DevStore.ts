import { makeAutoObservable } from 'mobx'
import type { DemoIdentity, DemoLink, DemoMeeting, SandboxDevTools, SmsMessage } from '@/services/types'

/** The developer panel's data: only exists when the backend is the embedded sandbox. */
export class DevStore {
  open = false
  links: DemoLink[] = []
  identities: DemoIdentity[] = []
  outbox: SmsMessage[] = []
  meetings: DemoMeeting[] = []

  constructor(private readonly tools: SandboxDevTools) {
    makeAutoObservable<DevStore, 'tools'>(this, { tools: false })
  }

  refresh(): void {
    this.links = this.tools.listDemoLinks()
    this.identities = this.tools.listDemoIdentities()
    this.outbox = this.tools.listSmsOutbox()
    this.meetings = this.tools.listMeetings()
  }

  refreshOutbox(): void {
    const next = this.tools.listSmsOutbox()
    if (next.length !== this.outbox.length || next[0]?.id !== this.outbox[0]?.id) this.outbox = next
  }

  toggle(open = !this.open): void {
    this.open = open
    if (open) this.refresh()
  }

  get latestSms(): SmsMessage | null {
    return this.outbox[0] ?? null
  }

  reset(): void {
    this.tools.reset()
    this.refresh()
  }
}
