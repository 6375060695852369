import { makeAutoObservable, observable, runInAction } from 'mobx'
import type { DemoIdentity, DemoLink, DemoMeeting, SandboxDevTools, SmsMessage } from '@/services/types'

/**
 * The developer panel's data: only exists when the backend is the embedded sandbox. The tools
 * are given directly, or as a loader called on first use (the app loads the sandbox lazily:
 * src/bootstrap.ts); `tools` is null until then.
 */
export class DevStore {
  open = false
  links: DemoLink[] = []
  identities: DemoIdentity[] = []
  outbox: SmsMessage[] = []
  meetings: DemoMeeting[] = []
  tools: SandboxDevTools | null = null
  private loading: Promise<SandboxDevTools> | null = null

  constructor(private readonly source: SandboxDevTools | (() => Promise<SandboxDevTools>)) {
    if (typeof source !== 'function') this.tools = source
    makeAutoObservable<DevStore, 'source' | 'loading'>(this, { source: false, loading: false, tools: observable.ref })
  }

  /** The tools, loading them if needed. */
  load(): Promise<SandboxDevTools> {
    if (this.tools) return Promise.resolve(this.tools)
    if (!this.loading) {
      const src = this.source as () => Promise<SandboxDevTools>
      this.loading = src().then(
        (t) => {
          runInAction(() => {
            this.tools = t
          })
          return t
        },
        (e) => {
          this.loading = null
          throw e
        }
      )
    }
    return this.loading
  }

  /** Runs `fn` with the tools now if loaded, else once they are (a failed load is ignored). */
  private withTools(fn: (t: SandboxDevTools) => void): void {
    if (this.tools) fn(this.tools)
    else this.load().then((t) => runInAction(() => fn(t)), () => undefined)
  }

  refresh(): void {
    this.withTools((t) => {
      this.links = t.listDemoLinks()
      this.identities = t.listDemoIdentities()
      this.outbox = t.listSmsOutbox()
      this.meetings = t.listMeetings()
    })
  }

  refreshOutbox(): void {
    this.withTools((t) => {
      const next = t.listSmsOutbox()
      if (next.length !== this.outbox.length || next[0]?.id !== this.outbox[0]?.id) this.outbox = next
    })
  }

  toggle(open = !this.open): void {
    this.open = open
    if (open) this.refresh()
  }

  get latestSms(): SmsMessage | null {
    return this.outbox[0] ?? null
  }

  reset(): void {
    this.withTools((t) => {
      t.reset()
      this.refresh()
    })
  }
}
