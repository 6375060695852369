/**
 * The HTTP server and client together over loopback, with a stub service: routing, the error
 * protocol, limits, CORS, dev endpoints, and transport failures (server down, no answer,
 * a proxy's HTML error page).
 */
import { startSandboxServer, MAX_BODY_BYTES } from '@sandbox/server/sandboxServer'
import { ServiceError } from '@/services/errors'
import { createHttpService } from '@/services/http/HttpService'
import { fetchRequest } from '@/services/http/fetchRequest'
import type { InkSealService, SandboxDevTools } from '@/services/types'
import { OPERATIONS } from '@/services/types'
import * as net from 'net'
import { caught, raw, rawServer } from './helpers'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: jest.fn() } }))

const notImplemented = () => Promise.reject(new ServiceError('INVALID_INPUT', '未实现'))

/** Records the inputs it gets; each method's behaviour can be replaced per test. */
function stubService() {
  const inputs: Array<[string, unknown]> = []
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test types the input of the method it replaces
  const impl: Record<string, (input: any) => Promise<unknown>> = {}
  const service = {} as Record<string, (input: unknown) => Promise<unknown>>
  for (const op of OPERATIONS) {
    impl[op] = notImplemented
    // Called as a method: checks that the server keeps `this`
    service[op] = function (this: unknown, input: unknown) {
      if (this !== service) throw new Error('lost this')
      inputs.push([op, input])
      return impl[op](input)
    }
  }
  return { service: service as unknown as InkSealService, impl, inputs }
}

// Only the core dev endpoints are exercised here; the feature areas' dev tools are not served.
const devTools = {
  resets: 0 as number,
  listMeetings: () => [{ meetingId: 'MT1', name: '签约会', screenLink: 'https://x/#/pages/meeting/index?m=MT1&k=k', flowIds: ['F'] }],
  listDemoLinks: () => [{ label: 'L', description: 'D', flowId: 'F', link: 'https://x/s/p', payload: 'p', hint: 'h' }],
  listDemoIdentities: () => [{ label: '张三', name: '张三', idNumber: '110105199003070017', mobile: '13810008000', note: '' }],
  listSmsOutbox: () => [{ id: 'm1', to: '138****8000', text: '验证码 123456', sentAt: 1 }],
  reset(this: { resets: number }) {
    this.resets++
  }
} as unknown as SandboxDevTools & { resets: number }

let stub: ReturnType<typeof stubService>
let server: Awaited<ReturnType<typeof startSandboxServer>>
let client: InkSealService
const serverErrors: unknown[] = []

beforeAll(async () => {
  stub = stubService()
  server = await startSandboxServer({ service: stub.service, port: 0, dev: devTools, cors: true, onError: (e) => serverErrors.push(e) })
  client = createHttpService({ baseUrl: server.url, timeoutMs: 5000, request: fetchRequest })
})

afterAll(() => server.close())

beforeEach(() => {
  for (const op of OPERATIONS) stub.impl[op] = notImplemented
  stub.inputs.length = 0
  serverErrors.length = 0
})

describe('client + server', () => {
  test('listens on 127.0.0.1 with a random port', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    expect(server.port).toBeGreaterThan(0)
  })

  test('the client has exactly the OPERATIONS as methods', () => {
    expect(Object.keys(client).sort()).toEqual([...OPERATIONS].sort())
  })

  test('the input reaches the service and the output comes back unchanged', async () => {
    const overview = { flowId: 'F1', title: '房屋租赁合同', closedAt: null, signers: [{ signedAt: null, order: 1 }], mySignerId: 'S1' }
    stub.impl.getFlow = async () => overview
    await expect(client.getFlow({ session: 'tok', flowId: 'F1' })).resolves.toEqual(overview)
    expect(stub.inputs).toEqual([['getFlow', { session: 'tok', flowId: 'F1' }]])
  })

  test.each([
    ['SMS_CODE_WRONG', '验证码错误，还可以再试4次', { remainingTries: 4 }, 400],
    ['LINK_INVALID', '签署链接无效', {}, 404],
    ['NOT_DESIGNATED_SIGNER', '您不是本合同的签署人', { flowId: 'F1' }, 403],
    ['SMS_TOO_FREQUENT', '发送过于频繁，请59秒后重试', { retryAt: 1700000000000 }, 429],
    ['SMS_LOCKED', '验证码错误次数过多，请10分钟后重试', { lockedUntil: 1700000600000 }, 423],
    ['SESSION_EXPIRED', '身份验证已过期，请重新验证', {}, 401],
    ['FLOW_CANCELLED', '合同已撤销', { status: 'CANCELLED', reason: '条款需修改' }, 409]
  ] as const)('%s crosses the wire with its message, details and status', async (code, message, details, status) => {
    stub.impl.joinFlow = () => Promise.reject(new ServiceError(code, message, { ...details }))
    const e = await caught(client.joinFlow({ session: 's', flowId: 'F1', linkToken: 't' }))
    expect(e.toJSON()).toEqual({ code, message, details })
    const r = await raw(`${server.url}/api/v1/joinFlow`, { method: 'POST', body: '{}' })
    expect(r.status).toBe(status)
    expect(r.body).toEqual({ ok: false, error: { code, message, details } })
  })

  test('an unexpected error is INTERNAL with a generic message and no internals', async () => {
    stub.impl.listMyFlows = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'secret')")
    }
    const r = await raw(`${server.url}/api/v1/listMyFlows`, { method: 'POST', body: '{"session":"s"}' })
    expect(r.status).toBe(500)
    expect(r.body).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试', details: {} } })
    expect(JSON.stringify(r.body)).not.toMatch(/secret|TypeError|at /)
    expect(serverErrors).toHaveLength(1)
    const e = await caught(client.listMyFlows({ session: 's' }))
    expect(e.code).toBe('INTERNAL')
  })

  test('a synchronous throw is handled too', async () => {
    stub.impl.signOut = () => {
      throw new Error('sync')
    }
    expect((await caught(client.signOut({ session: 's' }))).code).toBe('INTERNAL')
  })

  test('an INTERNAL ServiceError does not pass its details (cause) on', async () => {
    stub.impl.signOut = () => Promise.reject(new ServiceError('INTERNAL', 'db down at 10.0.0.3', { cause: 'ECONNREFUSED 10.0.0.3' }))
    const e = await caught(client.signOut({ session: 's' }))
    expect(e.toJSON()).toEqual({ code: 'INTERNAL', message: '系统繁忙，请稍后重试', details: {} })
  })

  test('unknown operation: 404 with the error protocol', async () => {
    for (const op of ['deleteEverything', 'toString', '__proto__', 'constructor']) {
      const r = await raw(`${server.url}/api/v1/${op}`, { method: 'POST', body: '{}' })
      expect(r.status).toBe(404)
      expect(r.body.ok).toBe(false)
      expect(r.body.error.code).toBe('INVALID_INPUT')
      expect(typeof r.body.error.message).toBe('string')
    }
    expect((await raw(`${server.url}/nowhere`)).status).toBe(404)
    expect(stub.inputs).toEqual([])
  })

  test('non-POST on an operation: 405 with Allow', async () => {
    const r = await raw(`${server.url}/api/v1/getFlow`)
    expect(r.status).toBe(405)
    expect(r.headers.get('allow')).toBe('POST')
    expect(r.body.ok).toBe(false)
    expect((await raw(`${server.url}/api/v1/getFlow`, { method: 'PUT', body: '{}' })).status).toBe(405)
  })

  test.each([['not json'], [''], ['[1,2]'], ['null'], ['"text"']])('body %j: 400 INVALID_INPUT', async (body) => {
    const r = await raw(`${server.url}/api/v1/resolveEntry`, { method: 'POST', body })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确', details: {} } })
    expect(stub.inputs).toEqual([])
  })

  test('oversized body: 413, also through the client', async () => {
    const big = { flowId: 'F', linkToken: 'x'.repeat(MAX_BODY_BYTES) }
    const r = await raw(`${server.url}/api/v1/resolveEntry`, { method: 'POST', body: JSON.stringify(big) })
    expect(r.status).toBe(413)
    expect(r.body.error.code).toBe('INVALID_INPUT')
    const e = await caught(client.resolveEntry(big))
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.message).toBe('请求内容过大')
    expect(stub.inputs).toEqual([])
    // the server still works afterwards
    expect((await raw(`${server.url}/api/health`)).status).toBe(200)
  })

  test('a body just under the limit is accepted', async () => {
    stub.impl.resolveEntry = async (input: { linkToken: string }) => ({ length: input.linkToken.length })
    const linkToken = 'y'.repeat(MAX_BODY_BYTES - 100)
    await expect(client.resolveEntry({ flowId: 'F', linkToken })).resolves.toEqual({ length: linkToken.length })
  })

  test('a client that leaves mid-body does not reach the service or break the server', async () => {
    const socket = net.connect(server.port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write('POST /api/v1/getFlow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"session":')
    await new Promise((resolve) => setTimeout(resolve, 50))
    socket.destroy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stub.inputs).toEqual([])
    expect(serverErrors).toEqual([])
    expect((await raw(`${server.url}/api/health`)).status).toBe(200)
  })

  test('GET /api/health', async () => {
    const r = await raw(`${server.url}/api/health`)
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ ok: true })
  })

  test('CORS: allow-origin on answers and a preflight', async () => {
    const r = await raw(`${server.url}/api/v1/getFlow`, { method: 'POST', body: '{}', headers: { origin: 'http://localhost:10086' } })
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
    const pre = await fetch(`${server.url}/api/v1/getFlow`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe('*')
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST')
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type')
  })

  test('dev endpoints', async () => {
    expect((await raw(`${server.url}/api/dev/links`)).body).toEqual({ ok: true, data: devTools.listDemoLinks() })
    expect((await raw(`${server.url}/api/dev/identities`)).body).toEqual({ ok: true, data: devTools.listDemoIdentities() })
    expect((await raw(`${server.url}/api/dev/sms`)).body).toEqual({ ok: true, data: devTools.listSmsOutbox() })
    expect((await raw(`${server.url}/api/dev/reset`)).status).toBe(405)
    const before = devTools.resets
    expect((await raw(`${server.url}/api/dev/reset`, { method: 'POST' })).body).toEqual({ ok: true, data: null })
    expect(devTools.resets).toBe(before + 1)
  })
})

describe('server options', () => {
  test('without dev and cors: no dev endpoints, no CORS headers', async () => {
    const plain = await startSandboxServer({ service: stubService().service })
    try {
      const r = await raw(`${plain.url}/api/dev/links`)
      expect(r.status).toBe(404)
      expect(r.headers.get('access-control-allow-origin')).toBeNull()
      expect((await raw(`${plain.url}/api/dev/reset`, { method: 'POST' })).status).toBe(404)
    } finally {
      await plain.close()
    }
  })

  test('close() resolves even with a keep-alive connection open, and twice', async () => {
    const s = await startSandboxServer({ service: stubService().service })
    await raw(`${s.url}/api/health`)
    await s.close()
    await s.close()
  })
})

describe('transport failures', () => {
  test('a server that is down: NETWORK_ERROR', async () => {
    const s = await rawServer((_req, res) => res.end())
    const url = s.url
    await s.close()
    const down = createHttpService({ baseUrl: url, timeoutMs: 5000, request: fetchRequest })
    const e = await caught(down.listMyFlows({ session: 's' }))
    expect(e.code).toBe('NETWORK_ERROR')
    expect(e.message).toBe('网络连接失败，请检查网络后重试')
  })

  test('a server that never answers: TIMEOUT', async () => {
    let held = 0
    const s = await rawServer(() => {
      held++ // hold the request: never answer
    })
    try {
      const slow = createHttpService({ baseUrl: s.url, timeoutMs: 200, request: fetchRequest })
      const started = Date.now()
      const e = await caught(slow.getFlow({ session: 's', flowId: 'F' }))
      expect(e.code).toBe('TIMEOUT')
      expect(e.message).toBe('请求超时，请稍后重试')
      expect(Date.now() - started).toBeGreaterThanOrEqual(190)
      expect(Date.now() - started).toBeLessThan(2000)
      expect(held).toBe(1)
    } finally {
      await s.close()
    }
  })

  test('a non-JSON 502 (a proxy error page): SERVICE_UNAVAILABLE', async () => {
    const s = await rawServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
    })
    try {
      const e = await caught(createHttpService({ baseUrl: s.url, request: fetchRequest }).listMyFlows({ session: 's' }))
      expect(e.code).toBe('SERVICE_UNAVAILABLE')
      expect(e.message).toBe('服务暂时不可用，请稍后重试')
      expect(e.details.status).toBe(502)
    } finally {
      await s.close()
    }
  })

  test('a 200 that is not the protocol: SERVICE_UNAVAILABLE', async () => {
    const s = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"result":"ok"}')
    })
    try {
      expect((await caught(createHttpService({ baseUrl: s.url, request: fetchRequest }).listMyFlows({ session: 's' }))).code).toBe('SERVICE_UNAVAILABLE')
    } finally {
      await s.close()
    }
  })
})
