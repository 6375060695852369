/**
 * RemoteDevStore, the developer panel's store on the sandbox server's core tools over HTTP (the `npm start` build's developer
 * panel): refreshing fetches, so the SMS notice shows a code right after it was sent; reset
 * re-seeds the server's sandbox; the feature modules' tools are absent without breaking
 * anything; a server without dev endpoints leaves the panel closed with a Chinese reason.
 */
import { createHttpService } from '@/services/http/HttpService'
import { fetchRequest } from '@/services/http/fetchRequest'
import { createRemoteDevTools, DEV_MESSAGES } from '@/services/http/remoteDevTools'
import type { InkSealService } from '@/services/types'
import { RemoteDevStore } from '@/stores/RemoteDevStore'
import { createSandbox, DEMO_PEOPLE, type SandboxService } from '@sandbox'
import { startSandboxServer, type SandboxServer } from '@sandbox/server/sandboxServer'

jest.setTimeout(30000)

let sandbox: SandboxService
let server: SandboxServer
let api: InkSealService

async function start(dev = true): Promise<RemoteDevStore> {
  sandbox = createSandbox({ autoPlayOthers: false, latency: { min: 0, max: 0 } })
  server = await startSandboxServer({ service: sandbox, ...(dev ? { dev: sandbox.dev } : {}), port: 0, cors: true, onError: () => undefined })
  api = createHttpService({ baseUrl: server.url, timeoutMs: 10000, request: fetchRequest })
  // As src/bootstrap.ts wires it for an HTTP build with INKSEAL_DEV_TOOLS=1: core tools only
  return new RemoteDevStore(server.url, () => Promise.resolve(createRemoteDevTools({ baseUrl: server.url, request: fetchRequest })))
}

afterEach(() => server.close())

const mobile = DEMO_PEOPLE.ZHANG_SAN.mobile

test('refreshOutbox after a send fetches the new code for the SMS notice', async () => {
  const dev = await start()
  await dev.refreshOutbox()
  expect(dev.latestSms).toBeNull()
  expect(dev.remote).toBe(true)

  await api.sendSmsCode({ mobile, purpose: 'REAL_NAME' })
  await dev.refreshOutbox()
  const code = /(\d{6})/.exec(dev.latestSms?.text ?? '')?.[1]
  expect(code).toBeDefined()
  expect(dev.latestSms).toEqual(sandbox.dev.listSmsOutbox()[0])
  // the code read from the panel verifies
  const rn = await api.verifyRealName({ name: DEMO_PEOPLE.ZHANG_SAN.name, idNumber: DEMO_PEOPLE.ZHANG_SAN.idNumber, mobile, smsCode: code as string })
  expect(rn).toBeTruthy()
})

test('refresh fetches every list; reset re-seeds the server and refreshes', async () => {
  const dev = await start()
  dev.toggle(true)
  expect(dev.open).toBe(true)
  await dev.refresh()
  expect(dev.links).toEqual(sandbox.dev.listDemoLinks())
  expect(dev.links.length).toBeGreaterThan(0)
  expect(dev.identities).toEqual(sandbox.dev.listDemoIdentities())
  expect(dev.meetings).toEqual(sandbox.dev.listMeetings())
  expect(dev.error).toBeNull()

  await api.sendSmsCode({ mobile, purpose: 'REAL_NAME' })
  await dev.refresh()
  expect(dev.outbox).toHaveLength(1)
  await dev.reset()
  expect(sandbox.dev.listSmsOutbox()).toEqual([])
  expect(dev.outbox).toEqual([])
  expect(dev.links.length).toBeGreaterThan(0)
})

test('the feature modules’ tools are not there over HTTP: load() fails, tools stay null', async () => {
  const dev = await start()
  await expect(dev.load()).rejects.toThrow(/不可用/)
  expect(dev.tools).toBeNull()
  await dev.refresh()
  expect(dev.links.length).toBeGreaterThan(0)
})

test('a server without dev endpoints: a Chinese reason, the panel stays closed, nothing more is asked', async () => {
  const dev = await start(false)
  await dev.refresh()
  expect(dev.unavailable).toBe(true)
  expect(dev.error).toBe(DEV_MESSAGES.NO_DEV_ENDPOINTS)
  expect(dev.links).toEqual([])
  dev.toggle(true)
  expect(dev.open).toBe(false)
  await dev.refreshOutbox()
  expect(dev.latestSms).toBeNull()
})

test('a failed fetch shows its message and the next success clears it', async () => {
  const dev = await start()
  const url = server.url
  await server.close()
  await dev.refresh()
  expect(dev.error).toMatch(/网络/)
  expect(dev.unavailable).toBe(false)
  // the same port again
  const port = Number(new URL(url).port)
  server = await startSandboxServer({ service: sandbox, dev: sandbox.dev, port, cors: true, onError: () => undefined })
  await dev.refresh()
  expect(dev.error).toBeNull()
  expect(dev.links.length).toBeGreaterThan(0)
})
