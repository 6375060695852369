import { makeAutoObservable, observable, runInAction } from 'mobx'
import { loadOnce } from '@/services/lazy'
import type { CoreDevTools, DemoIdentity, DemoLink, DemoMeeting, SandboxDevTools, SmsMessage } from '@/services/types'

/** Loaders for the sandbox's tools: the core's (cheap), and all of them (loads its modules). */
export interface DevToolsLoaders {
  core: () => Promise<CoreDevTools>
  all: () => Promise<SandboxDevTools>
}

/**
 * What the developer panel, the pages' SMS notice and the enterprise pages read: DevStore (the
 * embedded sandbox's tools), or RemoteDevStore (the sandbox server's core tools over HTTP: the
 * lists are fetched, so `refresh` is awaitable there, and a fetch can fail).
 */
export interface DevPanel {
  readonly open: boolean
  readonly links: DemoLink[]
  readonly identities: DemoIdentity[]
  readonly outbox: SmsMessage[]
  readonly meetings: DemoMeeting[]
  readonly core: CoreDevTools | null
  /** Every tool (feature modules' too); never over HTTP */
  readonly tools: SandboxDevTools | null
  readonly latestSms: SmsMessage | null
  /** Over HTTP: the tools are the sandbox server's core tools */
  readonly remote?: boolean
  /** Over HTTP: the sandbox server's address */
  readonly server?: string
  /** Over HTTP: why the last fetch failed (Chinese); null after a success */
  readonly error?: string | null
  /** Over HTTP: the server has no developer endpoints */
  readonly unavailable?: boolean
  load(): Promise<SandboxDevTools>
  refresh(): void | Promise<void>
  refreshOutbox(): void | Promise<void>
  toggle(open?: boolean): void
  reset(): void | Promise<void>
}

/**
 * The developer panel's data when the backend is the embedded sandbox (RemoteDevStore: the
 * sandbox server over HTTP). The tools
 * are given directly, or as loaders called on first use (the app loads the sandbox lazily:
 * src/bootstrap.ts).
 *
 * - `core` (demo links, identities, the SMS outbox, reset) is what every page's SMS notice and
 *   the panel's lists need; loading it does not load the sandbox's feature modules.
 * - `tools` is every tool (the enterprise pages' demo licences, the panel's fault controls),
 *   null until `load()` has made the modules.
 */
export class DevStore implements DevPanel {
  open = false
  links: DemoLink[] = []
  identities: DemoIdentity[] = []
  outbox: SmsMessage[] = []
  meetings: DemoMeeting[] = []
  core: CoreDevTools | null = null
  tools: SandboxDevTools | null = null
  private readonly loadCore: () => Promise<CoreDevTools>
  private readonly loadAll: () => Promise<SandboxDevTools>

  constructor(source: SandboxDevTools | DevToolsLoaders) {
    if (isLoaders(source)) {
      this.loadCore = loadOnce(() =>
        source.core().then((t) => {
          runInAction(() => (this.core ??= t))
          return t
        })
      )
      this.loadAll = loadOnce(() =>
        source.all().then((t) => {
          runInAction(() => {
            this.core ??= t
            this.tools = t
          })
          return t
        })
      )
    } else {
      this.core = source
      this.tools = source
      this.loadCore = () => Promise.resolve(source)
      this.loadAll = () => Promise.resolve(source)
    }
    makeAutoObservable<DevStore, 'loadCore' | 'loadAll'>(this, {
      loadCore: false,
      loadAll: false,
      core: observable.ref,
      tools: observable.ref
    })
  }

  /** Every tool, loading the sandbox's modules if needed (once; a failed load is tried again). */
  load(): Promise<SandboxDevTools> {
    return this.loadAll()
  }

  /** Runs `fn` with the core's tools now if loaded, else once they are (a failed load is ignored). */
  private withCore(fn: (t: CoreDevTools) => void): void {
    if (this.core) fn(this.core)
    else
      this.loadCore().then(
        (t) => runInAction(() => fn(t)),
        () => undefined
      )
  }

  refresh(): void {
    this.withCore((t) => {
      this.links = t.listDemoLinks()
      this.identities = t.listDemoIdentities()
      this.outbox = t.listSmsOutbox()
      this.meetings = t.listMeetings()
    })
  }

  refreshOutbox(): void {
    this.withCore((t) => {
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
    this.withCore((t) => {
      t.reset()
      this.refresh()
    })
  }
}

function isLoaders(s: SandboxDevTools | DevToolsLoaders): s is DevToolsLoaders {
  return typeof (s as DevToolsLoaders).core === 'function' && typeof (s as DevToolsLoaders).all === 'function'
}
