import { makeAutoObservable, observable, runInAction } from 'mobx'
import type { RemoteDevTools } from '@/services/http/remoteDevTools'
import { loadOnce } from '@/services/lazy'
import type { CoreDevTools, DemoIdentity, DemoLink, DemoMeeting, SandboxDevTools, SmsMessage } from '@/services/types'

/**
 * Loaders for the sandbox's tools: the core's (cheap), and all of them (loads its modules).
 * A sandbox served over HTTP has only the core's (src/services/http/remoteDevTools.ts): no `all`.
 */
export interface DevToolsLoaders {
  core: () => Promise<CoreDevTools>
  all?: () => Promise<SandboxDevTools>
}

export const DEV_TOOLS_MESSAGES = {
  NO_FEATURE_TOOLS: '通过 HTTP 连接沙箱服务器时，仅提供演示链接、身份、短信与重置；自动签署、故障模拟等工具不可用'
} as const

/**
 * The developer panel's data: only exists when the backend is a sandbox, embedded or served
 * over HTTP by the sandbox server (src/bootstrap.ts). The tools are given directly, or as
 * loaders called on first use (the app loads the sandbox lazily).
 *
 * - `core` (demo links, identities, the SMS outbox, reset) is what every page's SMS notice and
 *   the panel's lists need; loading it does not load the sandbox's feature modules.
 * - `tools` is every tool (the enterprise pages' demo licences, the panel's fault controls),
 *   null until `load()` has made the modules; always null over HTTP.
 *
 * Over HTTP the core's tools are a snapshot that `refresh()` / `refreshOutbox()` fetch first;
 * their failure shows in `error`, and a server without dev endpoints makes `unavailable` true
 * (the panel shows why and nothing else, the SMS notice stops asking).
 */
export class DevStore {
  open = false
  links: DemoLink[] = []
  identities: DemoIdentity[] = []
  outbox: SmsMessage[] = []
  meetings: DemoMeeting[] = []
  core: CoreDevTools | null = null
  tools: SandboxDevTools | null = null
  /** Why the last fetch of remote tools failed (Chinese, for the panel); null after a success */
  error: string | null = null
  /** The server has no developer endpoints: nothing to show or poll */
  unavailable = false
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
      const all = source.all
      this.loadAll = loadOnce(() =>
        (all ? all() : Promise.reject(new Error(DEV_TOOLS_MESSAGES.NO_FEATURE_TOOLS))).then((t) => {
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

  /**
   * Runs `fn` with the core's tools: at once when they are in-process and loaded, else once
   * loaded and (remote tools) fetched. A failed load is ignored; a failed fetch is in `error`.
   */
  private withCore(fn: (t: CoreDevTools) => void, scope: 'all' | 'sms' = 'all'): Promise<void> {
    const now = this.core
    if (now && !isRemote(now)) {
      fn(now)
      return Promise.resolve()
    }
    if (this.unavailable) return Promise.resolve()
    return (now ? Promise.resolve(now) : this.loadCore()).then(
      async (t) => {
        if (isRemote(t)) {
          try {
            await t.sync(scope)
          } catch (e) {
            runInAction(() => this.failed(e))
            return
          }
        }
        runInAction(() => {
          this.error = null
          fn(t)
        })
      },
      () => undefined
    )
  }

  private failed(e: unknown): void {
    const err = e as { message?: unknown; details?: { devEndpoints?: unknown } }
    this.error = typeof err?.message === 'string' && err.message ? err.message : '开发者工具加载失败，请稍后重试'
    if (err?.details?.devEndpoints === false) {
      this.unavailable = true
      this.open = false
    }
  }

  /** Every list. Over HTTP: fetched first (awaitable). */
  refresh(): Promise<void> {
    return this.withCore((t) => {
      this.links = t.listDemoLinks()
      this.identities = t.listDemoIdentities()
      this.outbox = t.listSmsOutbox()
      this.meetings = t.listMeetings()
    })
  }

  /** The SMS outbox (pages' SMS notice). Over HTTP: fetched first, after the call (so after a send). */
  refreshOutbox(): Promise<void> {
    return this.withCore((t) => {
      const next = t.listSmsOutbox()
      if (next.length !== this.outbox.length || next[0]?.id !== this.outbox[0]?.id) this.outbox = next
    }, 'sms')
  }

  toggle(open = !this.open): void {
    this.open = open && !this.unavailable
    if (this.open) void this.refresh()
  }

  /** The tools are a sandbox server's, over HTTP (core tools only) */
  get remote(): boolean {
    return this.core !== null && isRemote(this.core)
  }

  get latestSms(): SmsMessage | null {
    return this.outbox[0] ?? null
  }

  /** Wipes the sandbox and re-seeds it, then refreshes every list. */
  async reset(): Promise<void> {
    const t = this.core ?? (await this.loadCore().catch(() => null))
    if (!t) return
    if (isRemote(t)) {
      try {
        await t.resetAndSync()
      } catch (e) {
        runInAction(() => this.failed(e))
        return
      }
    } else t.reset()
    await this.refresh()
  }
}

function isRemote(t: CoreDevTools): t is RemoteDevTools {
  return typeof (t as Partial<RemoteDevTools>).sync === 'function' && typeof (t as Partial<RemoteDevTools>).resetAndSync === 'function'
}

function isLoaders(s: SandboxDevTools | DevToolsLoaders): s is DevToolsLoaders {
  return typeof (s as DevToolsLoaders).core === 'function' && typeof (s as SandboxDevTools).listDemoLinks !== 'function'
}
