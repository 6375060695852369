/**
 * The developer panel's core tools over HTTP (src/services/http/remoteDevTools.ts), what the
 * `npm start` build uses: against a real sandbox server in-process, the lists are a snapshot
 * that `sync()` fetches, an SMS shows after sendSmsCode, reset clears the server's sandbox, and
 * a server without dev endpoints is a clear Chinese error.
 */
import { createHttpService, type RequestFn } from '@/services/http/HttpService'
import { fetchRequest } from '@/services/http/fetchRequest'
import { createRemoteDevTools, DEV_MESSAGES } from '@/services/http/remoteDevTools'
import type { InkSealService } from '@/services/types'
import { createSandbox, DEMO_PEOPLE, type SandboxService } from '@sandbox'
import { startSandboxServer, type SandboxServer } from '@sandbox/server/sandboxServer'
import { caught, raw } from './helpers'

jest.setTimeout(30000)

let sandbox: SandboxService
let server: SandboxServer
let api: InkSealService

async function start(dev: boolean): Promise<void> {
  sandbox = createSandbox({ autoPlayOthers: false, latency: { min: 0, max: 0 }, linkBase: 'http://localhost:10086' })
  server = await startSandboxServer({ service: sandbox, ...(dev ? { dev: sandbox.dev } : {}), port: 0, cors: true, onError: () => undefined })
  api = createHttpService({ baseUrl: server.url, timeoutMs: 10000, request: fetchRequest })
}

afterEach(() => server.close())

const mobile = DEMO_PEOPLE.ZHANG_SAN.mobile

test('the lists are a snapshot: empty until sync(), then the server sandbox’s', async () => {
  await start(true)
  const tools = createRemoteDevTools({ baseUrl: `${server.url}/`, request: fetchRequest })
  expect(tools.listDemoLinks()).toEqual([])
  await tools.sync()
  expect(tools.listDemoLinks()).toEqual(sandbox.dev.listDemoLinks())
  expect(tools.listDemoLinks().length).toBeGreaterThan(0)
  expect(tools.listDemoLinks()[0].link.startsWith('http://localhost:10086/')).toBe(true)
  expect(tools.listDemoIdentities()).toEqual(sandbox.dev.listDemoIdentities())
  expect(tools.listMeetings()).toEqual(sandbox.dev.listMeetings())
  expect(tools.listSmsOutbox()).toEqual([])
})

test('an SMS sent through the API shows after the next sync (the SMS outbox alone, or all)', async () => {
  await start(true)
  const tools = createRemoteDevTools({ baseUrl: server.url, request: fetchRequest })
  await tools.sync()
  await api.sendSmsCode({ mobile, purpose: 'REAL_NAME' })
  // The snapshot does not change by itself
  expect(tools.listSmsOutbox()).toEqual([])
  await tools.sync('sms')
  expect(tools.listSmsOutbox()).toHaveLength(1)
  expect(tools.listSmsOutbox()[0].text).toMatch(/\d{6}/)
  expect(tools.listSmsOutbox()).toEqual(sandbox.dev.listSmsOutbox())
})

test('a sync asked for while one is in flight still fetches after the ask', async () => {
  await start(true)
  // The first answer is held until a code has been sent and a second sync asked for
  let release: () => void = () => undefined
  const held = new Promise<void>((r) => (release = r))
  let calls = 0
  const request: RequestFn = (o) => {
    calls += 1
    const first = calls === 1
    return fetchRequest(o).then(async (res) => {
      if (first) await held
      return res
    })
  }
  const tools = createRemoteDevTools({ baseUrl: server.url, request })
  const early = tools.sync('sms')
  await api.sendSmsCode({ mobile, purpose: 'REAL_NAME' })
  const late = tools.sync('sms')
  const third = tools.sync('sms')
  release()
  await early
  await Promise.all([late, third])
  expect(tools.listSmsOutbox()).toHaveLength(1)
  // the two callers during the first fetch shared one
  expect(calls).toBe(2)
})

test('reset POSTs to the server, which re-seeds, then fetches the lists again', async () => {
  await start(true)
  const tools = createRemoteDevTools({ baseUrl: server.url, request: fetchRequest })
  await api.sendSmsCode({ mobile, purpose: 'REAL_NAME' })
  await tools.sync()
  expect(tools.listSmsOutbox()).toHaveLength(1)
  await tools.resetAndSync()
  expect(sandbox.dev.listSmsOutbox()).toEqual([])
  expect(tools.listSmsOutbox()).toEqual([])
  expect(tools.listDemoLinks().length).toBeGreaterThan(0)
})

test('a server without dev endpoints (404) is a clear Chinese error, and the snapshot stays empty', async () => {
  await start(false)
  expect((await raw(`${server.url}/api/dev/sms`)).status).toBe(404)
  const tools = createRemoteDevTools({ baseUrl: server.url, request: fetchRequest })
  const e = await caught(tools.sync())
  expect(e.code).toBe('SERVICE_UNAVAILABLE')
  expect(e.message).toBe(DEV_MESSAGES.NO_DEV_ENDPOINTS)
  expect(e.message).toMatch(/开发者/)
  expect(e.details).toMatchObject({ devEndpoints: false })
  expect((await caught(tools.resetAndSync())).message).toBe(DEV_MESSAGES.NO_DEV_ENDPOINTS)
  expect(tools.listDemoLinks()).toEqual([])
})

test('no server at all is a network error in Chinese', async () => {
  await start(true)
  const url = server.url
  await server.close()
  const tools = createRemoteDevTools({ baseUrl: url, request: fetchRequest })
  const e = await caught(tools.sync())
  expect(e.code).toBe('NETWORK_ERROR')
  expect(e.message).toMatch(/网络/)
  await start(true)
})

test('the dev endpoints answer a page served from another origin (CORS), like the operations', async () => {
  await start(true)
  const origin = { origin: 'http://localhost:10086' }
  for (const p of ['links', 'identities', 'sms', 'meetings']) {
    const r = await raw(`${server.url}/api/dev/${p}`, { headers: origin })
    expect(r.status).toBe(200)
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
  }
  const pre = await raw(`${server.url}/api/dev/reset`, {
    method: 'OPTIONS',
    headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }
  })
  expect(pre.status).toBe(204)
  expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/)
  const reset = await raw(`${server.url}/api/dev/reset`, { method: 'POST', body: '{}', headers: { ...origin, 'content-type': 'application/json' } })
  expect(reset.status).toBe(200)
  expect(reset.headers.get('access-control-allow-origin')).toBe('*')
})
