/**
 * HttpService against fake RequestFns: the response protocol, and how transport failures of
 * the various platforms turn into NETWORK_ERROR / TIMEOUT / SERVICE_UNAVAILABLE.
 */
import Taro from '@tarojs/taro'
import { ServiceError } from '@/services/errors'
import { createHttpService, RequestFn, RequestOptions, RequestResult } from '@/services/http/HttpService'
import { OPERATIONS } from '@/services/types'
import { platformRequest as weappRequest } from '@/platform/request.weapp'

// @tarojs/taro ships ES modules that the node project does not transform; only request is used.
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: jest.fn() } }))

const SESSION = { session: 's1' }

/** A RequestFn answering every call with `answer`, recording the options it got. */
function fake(answer: (o: RequestOptions) => Promise<RequestResult>) {
  const calls: RequestOptions[] = []
  const request: RequestFn = (o) => {
    calls.push(o)
    return answer(o)
  }
  return { calls, request }
}

async function caught(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(ServiceError)
    return e as ServiceError
  }
  throw new Error('expected a rejection')
}

describe('HttpService', () => {
  test('has exactly the OPERATIONS as methods', () => {
    const client = createHttpService({ baseUrl: 'http://x', request: fake(() => new Promise(() => {})).request })
    expect(Object.keys(client).sort()).toEqual([...OPERATIONS].sort())
    for (const op of OPERATIONS) expect(typeof client[op]).toBe('function')
  })

  test('posts the input as JSON to {baseUrl}/api/v1/{op} and resolves with data', async () => {
    const { calls, request } = fake(async () => ({ statusCode: 200, data: { ok: true, data: [{ flowId: 'F1' }] }, header: {} }))
    const client = createHttpService({ baseUrl: 'https://api.example.com/', timeoutMs: 3000, request })
    await expect(client.listMyFlows(SESSION)).resolves.toEqual([{ flowId: 'F1' }])
    expect(calls).toEqual([
      {
        url: 'https://api.example.com/api/v1/listMyFlows',
        method: 'POST',
        data: SESSION,
        header: { 'content-type': 'application/json' },
        timeout: 3000,
        dataType: 'json'
      }
    ])
  })

  test('accepts a body left as a JSON string (platforms that do not parse)', async () => {
    const { request } = fake(async () => ({ statusCode: 200, data: JSON.stringify({ ok: true, data: { ok: true } }) }))
    await expect(createHttpService({ baseUrl: 'http://x', request }).signOut(SESSION)).resolves.toEqual({ ok: true })
  })

  test('turns the error protocol into the same ServiceError', async () => {
    const { request } = fake(async () => ({
      statusCode: 400,
      data: { ok: false, error: { code: 'SMS_CODE_WRONG', message: '验证码错误，还可以再试4次', details: { remainingTries: 4 } } }
    }))
    const e = await caught(createHttpService({ baseUrl: 'http://x', request }).verifyRealName({ name: '张三', idNumber: '1', mobile: '1', smsCode: '000000' }))
    expect(e.toJSON()).toEqual({ code: 'SMS_CODE_WRONG', message: '验证码错误，还可以再试4次', details: { remainingTries: 4 } })
    expect(e.transient).toBe(false)
  })

  test('missing details become {}', async () => {
    const { request } = fake(async () => ({ statusCode: 401, data: { ok: false, error: { code: 'SESSION_INVALID', message: '请重新验证身份' } } }))
    const e = await caught(createHttpService({ baseUrl: 'http://x', request }).getFlow({ session: 's', flowId: 'F' }))
    expect(e.code).toBe('SESSION_INVALID')
    expect(e.details).toEqual({})
  })

  test("Taro H5's failure shape (resolves { errMsg } without statusCode) is NETWORK_ERROR", async () => {
    const { request } = fake(async () => ({ errMsg: 'request:fail' }))
    const e = await caught(createHttpService({ baseUrl: 'http://x', request }).listMyFlows(SESSION))
    expect(e.code).toBe('NETWORK_ERROR')
    expect(e.message).toBe('网络连接失败，请检查网络后重试')
    expect(e.transient).toBe(true)
  })

  test('a rejected request is NETWORK_ERROR; a thrown one too', async () => {
    const rejecting = fake(() => Promise.reject({ errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' }))
    expect((await caught(createHttpService({ baseUrl: 'http://x', request: rejecting.request }).listMyFlows(SESSION))).code).toBe('NETWORK_ERROR')
    const throwing: RequestFn = () => {
      throw new Error('no network')
    }
    expect((await caught(createHttpService({ baseUrl: 'http://x', request: throwing }).listMyFlows(SESSION))).code).toBe('NETWORK_ERROR')
  })

  test('a platform timeout failure is TIMEOUT', async () => {
    const { request } = fake(() => Promise.reject({ errMsg: 'request:fail timeout' }))
    const e = await caught(createHttpService({ baseUrl: 'http://x', request }).listMyFlows(SESSION))
    expect(e.code).toBe('TIMEOUT')
    expect(e.message).toBe('请求超时，请稍后重试')
  })

  test('enforces the timeout itself and aborts the request', async () => {
    const abort = jest.fn()
    const request: RequestFn = () => Object.assign(new Promise<RequestResult>(() => {}), { abort })
    const started = Date.now()
    const e = await caught(createHttpService({ baseUrl: 'http://x', timeoutMs: 50, request }).listMyFlows(SESSION))
    expect(e.code).toBe('TIMEOUT')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(abort).toHaveBeenCalledTimes(1)
  })

  test('an answer after the timeout is ignored', async () => {
    let answer: (r: RequestResult) => void = () => {}
    const request: RequestFn = () => new Promise<RequestResult>((resolve) => (answer = resolve))
    const p = createHttpService({ baseUrl: 'http://x', timeoutMs: 20, request }).listMyFlows(SESSION)
    const e = await caught(p)
    answer({ statusCode: 200, data: { ok: true, data: [] } })
    expect(e.code).toBe('TIMEOUT')
  })

  test.each([
    ['a non-JSON body', 502, '<html>Bad Gateway</html>'],
    ['a body Taro H5 could not parse (null)', 502, null],
    ['an empty body', 200, ''],
    ['a JSON body outside the protocol', 200, { flows: [] }],
    ['ok:true with an error status', 500, { ok: true, data: 1 }],
    ['an unknown error code', 418, { ok: false, error: { code: 'TEAPOT', message: '我是茶壶' } }],
    ['an error without a message', 400, { ok: false, error: { code: 'INVALID_INPUT' } }],
    ['an array', 200, [1, 2]]
  ])('%s is SERVICE_UNAVAILABLE', async (_label, statusCode, data) => {
    const { request } = fake(async () => ({ statusCode, data }))
    const e = await caught(createHttpService({ baseUrl: 'http://x', request }).listMyFlows(SESSION))
    expect(e.code).toBe('SERVICE_UNAVAILABLE')
    expect(e.message).toBe('服务暂时不可用，请稍后重试')
    expect(e.details.status).toBe(statusCode)
  })

  test('the WeChat transport hands Taro.request the same options', async () => {
    const taroRequest = Taro.request as unknown as jest.Mock
    taroRequest.mockReturnValue(Promise.resolve({ statusCode: 200, data: { ok: true, data: { ok: true } }, header: {} }))
    await expect(createHttpService({ baseUrl: 'http://x', request: weappRequest }).signOut(SESSION)).resolves.toEqual({ ok: true })
    expect(taroRequest).toHaveBeenCalledWith({
      url: 'http://x/api/v1/signOut',
      method: 'POST',
      data: SESSION,
      header: { 'content-type': 'application/json' },
      timeout: 15000,
      dataType: 'json'
    })
  })
})
