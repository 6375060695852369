import { makeAutoObservable, observable, runInAction } from 'mobx'
import { loadOnce } from '@/services/lazy'
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
  private readonly loadTools: () => Promise<SandboxDevTools>

  constructor(source: SandboxDevTools | (() => Promise<SandboxDevTools>)) {
    if (typeof source === 'function') {
      this.loadTools = loadOnce(() =>
        source().then((t) => {
          runInAction(() => {
            this.tools = t
          })
          return t
        })
      )
    } else {
      this.tools = source
      this.loadTools = () => Promise.resolve(source)
    }
    makeAutoObservable<DevStore, 'loadTools'>(this, { loadTools: false, tools: observable.ref })
  }

  /** The tools, loading them if needed (once; a failed load is tried again on the next use). */
  load(): Promise<SandboxDevTools> {
    return this.loadTools()
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
