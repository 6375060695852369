import { ServiceError } from '@/services/errors'
import type { CoreDevTools, DemoIdentity, DemoLink, DemoMeeting, SmsMessage } from '@/services/types'
import { TRANSPORT_MESSAGES, type RequestFn, type RequestResult } from './HttpService'

/**
 * The core developer tools of a sandbox served over HTTP (sandbox/server/sandboxServer.ts with
 * its `dev` option: GET /api/dev/links | identities | sms | meetings, POST /api/dev/reset).
 *
 * CoreDevTools is synchronous (the embedded sandbox answers at once), so these tools keep a
 * snapshot: the list methods return it, `sync()` fetches it. DevStore awaits `sync()` where it
 * refreshes. Only the core's tools travel over HTTP: the feature modules' (auto-play, fault
 * controls, demo licences) stay with the server.
 */
export interface RemoteDevTools extends CoreDevTools {
  /** Fetches the four lists, or only the SMS outbox, into the snapshot. */
  sync(scope?: 'all' | 'sms'): Promise<void>
  /** Resets the server's sandbox, then fetches the lists again. */
  resetAndSync(): Promise<void>
}

export const DEV_MESSAGES = {
  NO_DEV_ENDPOINTS: '后端未开放开发者接口（沙箱服务器未以开发模式启动），开发者面板不可用',
  BAD_ANSWER: '开发者接口返回了无法识别的内容，请检查沙箱服务器'
} as const

export interface RemoteDevToolsOptions {
  /** The sandbox server, e.g. 'http://127.0.0.1:8787' */
  baseUrl: string
  request: RequestFn
  /** Per-request time limit, default 10000 ms */
  timeoutMs?: number
}

interface Snapshot {
  links: DemoLink[]
  identities: DemoIdentity[]
  sms: SmsMessage[]
  meetings: DemoMeeting[]
}

export function createRemoteDevTools(opts: RemoteDevToolsOptions): RemoteDevTools {
  const base = opts.baseUrl.replace(/\/+$/, '')
  const timeout = opts.timeoutMs ?? 10000
  const snap: Snapshot = { links: [], identities: [], sms: [], meetings: [] }

  const call = async (method: 'GET' | 'POST', path: string): Promise<unknown> => {
    let res: RequestResult
    try {
      // No content-type on GETs: a simple cross-origin request, no preflight
      res = await opts.request({
        url: `${base}/api/dev/${path}`,
        method,
        ...(method === 'POST' ? { data: {}, header: { 'content-type': 'application/json' } } : {}),
        timeout,
        dataType: 'json'
      })
    } catch (e) {
      const timedOut = /timeout/i.test(String((e as { errMsg?: string })?.errMsg ?? e))
      throw timedOut
        ? new ServiceError('TIMEOUT', TRANSPORT_MESSAGES.TIMEOUT, { path })
        : new ServiceError('NETWORK_ERROR', TRANSPORT_MESSAGES.NETWORK_ERROR, { path })
    }
    const status = res.statusCode
    if (typeof status !== 'number') throw new ServiceError('NETWORK_ERROR', TRANSPORT_MESSAGES.NETWORK_ERROR, { path, cause: res.errMsg })
    if (status === 404) throw new ServiceError('SERVICE_UNAVAILABLE', DEV_MESSAGES.NO_DEV_ENDPOINTS, { path, status, devEndpoints: false })
    let body = res.data
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body)
      } catch {
        body = undefined
      }
    }
    const ok = body && typeof body === 'object' && (body as { ok?: unknown }).ok === true
    if (status < 200 || status >= 300 || !ok) {
      const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message
      throw new ServiceError('SERVICE_UNAVAILABLE', typeof message === 'string' && message ? message : TRANSPORT_MESSAGES.SERVICE_UNAVAILABLE, { path, status })
    }
    return (body as { data?: unknown }).data
  }

  const list = async <T>(path: string): Promise<T[]> => {
    const data = await call('GET', path)
    if (!Array.isArray(data)) throw new ServiceError('SERVICE_UNAVAILABLE', DEV_MESSAGES.BAD_ANSWER, { path })
    return data as T[]
  }

  // Bumped by a reset: a fetch that started before it must not bring back the old lists
  let generation = 0
  // Each caller gets a fetch that starts after it asked (a list fetched before a code was sent
  // would miss it), but callers that poll (the SMS notice) share: while one fetch of a kind is
  // in flight, the callers meanwhile share one that follows it.
  type Scope = 'all' | 'sms'
  let inFlight: Record<Scope, Promise<void> | null> = { all: null, sms: null }
  let queued: Record<Scope, Promise<void> | null> = { all: null, sms: null }
  const start = (scope: Scope, run: () => Promise<void>): Promise<void> => {
    const p = run().finally(() => {
      if (inFlight[scope] === p) inFlight[scope] = null
    })
    inFlight[scope] = p
    return p
  }
  const once = (scope: Scope, run: () => Promise<void>): Promise<void> => {
    const running = inFlight[scope]
    if (!running) return start(scope, run)
    if (queued[scope]) return queued[scope] as Promise<void>
    const next = running
      .catch(() => undefined)
      .then(() => {
        queued[scope] = null
        return start(scope, run)
      })
    queued[scope] = next
    return next
  }

  const syncAll = () =>
    once('all', async () => {
      const gen = generation
      const [links, identities, sms, meetings] = await Promise.all([
        list<DemoLink>('links'),
        list<DemoIdentity>('identities'),
        list<SmsMessage>('sms'),
        list<DemoMeeting>('meetings')
      ])
      if (gen === generation) Object.assign(snap, { links, identities, sms, meetings })
    })
  const syncSms = () =>
    once('sms', async () => {
      const gen = generation
      const sms = await list<SmsMessage>('sms')
      if (gen === generation) snap.sms = sms
    })

  const tools: RemoteDevTools = {
    listDemoLinks: () => snap.links,
    listDemoIdentities: () => snap.identities,
    listSmsOutbox: () => snap.sms,
    listMeetings: () => snap.meetings,
    sync: (scope = 'all') => (scope === 'sms' ? syncSms() : syncAll()),
    async resetAndSync() {
      await call('POST', 'reset')
      generation += 1
      inFlight = { all: null, sms: null }
      queued = { all: null, sms: null }
      await syncAll()
    },
    reset() {
      tools.resetAndSync().catch(() => undefined)
    }
  }
  return tools
}
