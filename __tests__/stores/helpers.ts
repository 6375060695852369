import { createSandbox, DEMO_PEOPLE, type SandboxService } from '@sandbox'
import { MemoryStorage } from '@/services/storage'
import { TestRoot } from './testRoot'
import { OPERATIONS, type InkSealService, type OperationName } from '@/services/types'
import { createHttpService } from '@/services/http/HttpService'
import { fetchRequest } from '@/services/http/fetchRequest'
import { startSandboxServer, type SandboxServer } from '@sandbox/server/sandboxServer'

export const T0 = Date.UTC(2026, 10, 21, 2, 0, 0)

const created: TestRoot[] = []

/**
 * Store tests run both ways: on the in-process sandbox, and through the HTTP client against a
 * loopback server exposing the sandbox (`useHttpTransport()` in a *.http.test.ts file).
 */
let http: { client: InkSealService; target: { current: InkSealService | null } } | null = null

let httpRequested = false

export function useHttpTransport(): { calls: number } {
  httpRequested = true
  const stats = { calls: 0 }
  let server: SandboxServer
  const target: { current: InkSealService | null } = { current: null }
  beforeAll(async () => {
    // The server serves whichever sandbox the current test's world made.
    const delegate = {} as Record<OperationName, (input: unknown) => Promise<unknown>>
    for (const op of OPERATIONS) {
      delegate[op] = (input) => {
        if (!target.current) throw new Error('no world')
        stats.calls++
        return (target.current[op] as (i: unknown) => Promise<unknown>)(input)
      }
    }
    server = await startSandboxServer({ service: delegate as unknown as InkSealService, port: 0, onError: () => undefined })
    http = { client: createHttpService({ baseUrl: server.url, request: fetchRequest, timeoutMs: 5000 }), target }
  })
  afterAll(async () => {
    http = null
    await server?.close()
  })
  return stats
}

/** The service a test should talk to for this sandbox: the sandbox itself, or the HTTP client. */
export function serviceFor(sandbox: InkSealService): InkSealService {
  if (!http) return sandbox
  http.target.current = sandbox
  return http.client
}

/** Known at definition time (before beforeAll runs), so suites can choose what to run. */
export function transportName(): 'sandbox' | 'http' {
  return httpRequested ? 'http' : 'sandbox'
}

// The verify form runs a 1 s countdown ticker; stop it after each test.
afterEach(() => {
  created.splice(0).forEach((s) => s.verify.reset())
})

export interface World {
  clock: { t: number }
  now: () => number
  sandbox: SandboxService
  storage: MemoryStorage
  store: TestRoot
  /** A fresh RootStore on the same device storage (an app restart). */
  restart(): TestRoot
  link(label: string): string
  lastCode(): string
}

/** A sandbox with a fake clock and no latency, and a root store on it, as the app builds them. */
export function world(opts: { service?: (base: InkSealService) => InkSealService; sharedStorage?: boolean } = {}): World {
  const clock = { t: T0 }
  const now = () => clock.t
  const storage = new MemoryStorage()
  // sharedStorage: the sandbox keeps its state in the device's storage, as the H5/weapp app does.
  const sandbox = createSandbox({
    seed: 7,
    now,
    latency: { min: 0, max: 0 },
    linkBase: 'https://sign.inkseal.cn',
    ...(opts.sharedStorage ? { storage } : {})
  })
  let base: InkSealService = sandbox
  if (http) {
    http.target.current = sandbox
    base = http.client
  }
  const service = opts.service ? opts.service(base) : base
  const make = () => {
    const s = new TestRoot({ service, devTools: sandbox.dev, storage, allowedHosts: () => ['sign.inkseal.cn'], now })
    created.push(s)
    return s
  }
  return {
    clock,
    now,
    sandbox,
    storage,
    store: make(),
    restart: make,
    link(label) {
      const l = sandbox.dev.listDemoLinks().find((x) => x.label.includes(label))
      if (!l) throw new Error(`no demo link ${label}`)
      return l.link
    },
    lastCode() {
      const m = /(\d{6})/.exec(sandbox.dev.listSmsOutbox()[0]?.text ?? '')
      if (!m) throw new Error('no SMS sent')
      return m[1]
    }
  }
}

export type DemoPerson = (typeof DEMO_PEOPLE)[keyof typeof DEMO_PEOPLE]

/** Fills the verify form, sends the code and submits it. */
export async function fillAndSubmit(w: World, p: DemoPerson, code?: string): Promise<boolean> {
  const v = w.store.verify
  v.setField('name', p.name)
  v.setField('idNumber', p.idNumber)
  v.setField('mobile', p.mobile)
  if (!v.ticket) await v.sendCode()
  v.setField('smsCode', code ?? w.lastCode())
  return v.submit()
}
