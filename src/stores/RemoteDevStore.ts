import { makeAutoObservable, observable, runInAction } from 'mobx'
import type { RemoteDevTools } from '@/services/http/remoteDevTools'
import { loadOnce } from '@/services/lazy'
import type { CoreDevTools, DemoIdentity, DemoLink, DemoMeeting, SandboxDevTools, SmsMessage } from '@/services/types'
import type { DevPanel } from './DevStore'

export const REMOTE_DEV_MESSAGES = {
  NO_FEATURE_TOOLS: '通过 HTTP 连接沙箱服务器时，仅提供演示链接、身份、短信与重置；自动签署、故障模拟等工具不可用',
  FAILED: '开发者工具加载失败，请稍后重试'
} as const

/**
 * The developer panel's data when the backend is the sandbox server over HTTP (an HTTP build with
 * INKSEAL_DEV_TOOLS=1: src/bootstrap.ts makes it, so the embedded-sandbox build carries none of
 * this). The same face as DevStore, on the server's core tools (src/services/http/remoteDevTools.ts,
 * loaded on first use): their lists are a snapshot, so `refresh()` and `refreshOutbox()` fetch
 * before they read (the SMS notice's each-second refresh fetches, so a code shows right after it
 * is sent). The feature modules' tools stay on the server: `tools` is always null and `load()`
 * fails.
 *
 * A failed fetch shows in `error` until the next success; a server without dev endpoints (404)
 * makes `unavailable` true: the panel shows why and stays closed, the SMS notice stops asking.
 */
export class RemoteDevStore implements DevPanel {
  open = false
  links: DemoLink[] = []
  identities: DemoIdentity[] = []
  outbox: SmsMessage[] = []
  meetings: DemoMeeting[] = []
  core: RemoteDevTools | null = null
  readonly tools: SandboxDevTools | null = null
  readonly remote = true
  error: string | null = null
  unavailable = false
  private readonly loadCore: () => Promise<RemoteDevTools>

  /**
   * @param server the sandbox server's address, for the panel
   * @param load makes the tools (src/bootstrap.ts: their own chunk)
   */
  constructor(
    readonly server: string,
    load: () => Promise<RemoteDevTools>
  ) {
    this.loadCore = loadOnce(() =>
      load().then((t) => {
        runInAction(() => (this.core ??= t))
        return t
      })
    )
    makeAutoObservable<RemoteDevStore, 'loadCore'>(this, { loadCore: false, core: observable.ref, tools: false, remote: false, server: false })
  }

  /** Only the core's tools travel over HTTP. */
  load(): Promise<SandboxDevTools> {
    return Promise.reject(new Error(REMOTE_DEV_MESSAGES.NO_FEATURE_TOOLS))
  }

  /** Fetches (`scope`), then runs `fn` on the snapshot; a failure goes to `error`. */
  private async fetched(scope: 'all' | 'sms', fn: (t: CoreDevTools) => void): Promise<void> {
    if (this.unavailable) return
    try {
      const t = await this.loadCore()
      await t.sync(scope)
      runInAction(() => {
        this.error = null
        fn(t)
      })
    } catch (e) {
      runInAction(() => this.failed(e))
    }
  }

  private failed(e: unknown): void {
    const err = e as { message?: unknown; details?: { devEndpoints?: unknown } } | null
    this.error = typeof err?.message === 'string' && err.message ? err.message : REMOTE_DEV_MESSAGES.FAILED
    if (err?.details?.devEndpoints === false) {
      this.unavailable = true
      this.open = false
    }
  }

  refresh(): Promise<void> {
    return this.fetched('all', (t) => {
      this.links = t.listDemoLinks()
      this.identities = t.listDemoIdentities()
      this.outbox = t.listSmsOutbox()
      this.meetings = t.listMeetings()
    })
  }

  refreshOutbox(): Promise<void> {
    return this.fetched('sms', (t) => {
      const next = t.listSmsOutbox()
      if (next.length !== this.outbox.length || next[0]?.id !== this.outbox[0]?.id) this.outbox = next
    })
  }

  toggle(open = !this.open): void {
    this.open = open && !this.unavailable
    if (this.open) void this.refresh()
  }

  get latestSms(): SmsMessage | null {
    return this.outbox[0] ?? null
  }

  /** Resets the server's sandbox, then refreshes every list. */
  async reset(): Promise<void> {
    if (this.unavailable) return
    try {
      const t = await this.loadCore()
      await t.resetAndSync()
    } catch (e) {
      runInAction(() => this.failed(e))
      return
    }
    await this.refresh()
  }
}
