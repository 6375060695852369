import { ErrorCode, ServiceError } from '@/services/errors'
import { HTTP_STATUS } from '@/services/httpStatus'
import { InkSealService, OperationName, OPERATIONS } from '@/services/types'

/**
 * InkSealService over HTTP. Every operation is `POST {baseUrl}/api/v1/{operation}` with the
 * input as a JSON body. The server (sandbox/server/sandboxServer.ts) answers
 *
 *   success: 200 { ok: true, data }
 *   failure: HTTP_STATUS[code] { ok: false, error: { code, message, details } }
 *
 * and this client turns a failure back into the same ServiceError, so callers cannot tell
 * it from the in-process sandbox. Transport problems become NETWORK_ERROR, TIMEOUT or
 * SERVICE_UNAVAILABLE. No retries here.
 */

/** The part of `Taro.request`'s options this client uses. */
export interface RequestOptions {
  url: string
  method: 'GET' | 'POST'
  data?: unknown
  header?: Record<string, string>
  timeout?: number
  dataType?: 'json'
}

/**
 * What a request resolves with: `{ statusCode, data, header }` on an HTTP answer. Taro H5
 * production builds may instead resolve a failed request with only `{ errMsg }`.
 */
export interface RequestResult {
  statusCode?: number
  data?: unknown
  header?: Record<string, string>
  errMsg?: string
}

/** Same shape as `Taro.request`. The returned promise may carry `abort()` (Taro's RequestTask does). */
export type RequestFn = (options: RequestOptions) => Promise<RequestResult> & { abort?: () => void }

export interface HttpServiceOptions {
  /** e.g. 'https://api.example.com' or 'http://127.0.0.1:8787' (no trailing /api/v1) */
  baseUrl: string
  /** Per-request time limit, default 15000 ms */
  timeoutMs?: number
  /** The transport: src/platform/request (fetch on H5, Taro.request on WeChat), fetchRequest in Node */
  request: RequestFn
}

export const DEFAULT_TIMEOUT_MS = 15000
/** Operations that upload files in their body get longer (a hosted meeting's PDF and page images: tens of MB). */
export const UPLOAD_TIMEOUT_MS: Partial<Record<OperationName, number>> = { createHostedMeeting: 120_000 }

export const TRANSPORT_MESSAGES = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  TIMEOUT: '请求超时，请稍后重试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试'
} as const

export function createHttpService(opts: HttpServiceOptions): InkSealService {
  const base = opts.baseUrl.replace(/\/+$/, '')
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const request = opts.request

  const call = (op: OperationName, input: unknown): Promise<unknown> =>
    send(request, op, `${base}/api/v1/${op}`, input, Math.max(timeoutMs, UPLOAD_TIMEOUT_MS[op] ?? 0)).then((res) => readResponse(op, res))

  const service = {} as Record<OperationName, (input: unknown) => Promise<unknown>>
  for (const op of OPERATIONS) {
    service[op] = (input: unknown) => call(op, input)
  }
  return service as unknown as InkSealService
}

/** Sends one request, enforcing the time limit with a timer of its own. */
function send(request: RequestFn, op: OperationName, url: string, input: unknown, timeoutMs: number): Promise<RequestResult> {
  return new Promise<RequestResult>((resolve, reject) => {
    let settled = false
    let task: ReturnType<RequestFn> | undefined
    const startedAt = Date.now()
    // Set before the request starts, so it fires before a platform timer with the same delay.
    const timer = setTimeout(() => {
      if (settled) return
      settled = true
      try {
        task?.abort?.()
      } catch {
        // aborting is best effort
      }
      reject(new ServiceError('TIMEOUT', TRANSPORT_MESSAGES.TIMEOUT, { op, timeoutMs }))
    }, timeoutMs)

    const fail = (cause: unknown) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      const errMsg = describe(cause)
      // Platforms abort on their own timeout with varying messages ("request:fail timeout",
      // "The user aborted a request."): a failure at or after the limit is a timeout.
      if (/time\s*d?\s*out/i.test(errMsg) || Date.now() - startedAt >= timeoutMs) {
        reject(new ServiceError('TIMEOUT', TRANSPORT_MESSAGES.TIMEOUT, { op, timeoutMs }))
      } else {
        reject(new ServiceError('NETWORK_ERROR', TRANSPORT_MESSAGES.NETWORK_ERROR, { op, cause: errMsg }))
      }
    }

    try {
      task = request({
        url,
        method: 'POST',
        data: input === undefined ? {} : input,
        header: { 'content-type': 'application/json' },
        timeout: timeoutMs,
        dataType: 'json'
      })
    } catch (e) {
      fail(e)
      return
    }
    Promise.resolve(task).then((res) => {
      if (settled) return
      if (!res || typeof res.statusCode !== 'number') {
        // Taro H5 resolves some failures with { errMsg } and no status
        fail(res)
        return
      }
      settled = true
      clearTimeout(timer)
      resolve(res)
    }, fail)
  })
}

function describe(cause: unknown): string {
  if (cause && typeof cause === 'object') {
    const c = cause as { errMsg?: unknown; message?: unknown }
    if (typeof c.errMsg === 'string' && c.errMsg) return c.errMsg
    if (typeof c.message === 'string' && c.message) return c.message
  }
  return cause === undefined ? 'request:fail' : String(cause)
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(HTTP_STATUS, code)
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Reads the response protocol; anything that does not follow it is SERVICE_UNAVAILABLE. */
function readResponse(op: OperationName, res: RequestResult): unknown {
  const status = res.statusCode as number
  let body = res.data
  if (typeof body === 'string') {
    // Some platforms leave a body that does not parse as a string
    try {
      body = JSON.parse(body)
    } catch {
      body = undefined
    }
  }
  const unavailable = (reason: string, extra: Record<string, unknown> = {}) =>
    new ServiceError('SERVICE_UNAVAILABLE', TRANSPORT_MESSAGES.SERVICE_UNAVAILABLE, { op, status, reason, ...extra })

  if (!isPlainObject(body)) throw unavailable('malformed body')
  if (body.ok === true && status >= 200 && status < 300) {
    return body.data
  }
  if (body.ok === false && isPlainObject(body.error)) {
    const { code, message, details } = body.error
    if (!isKnownCode(code)) throw unavailable('unknown error code', { code: String(code) })
    if (typeof message !== 'string' || !message) throw unavailable('malformed error')
    throw new ServiceError(code, message, isPlainObject(details) ? details : {})
  }
  throw unavailable('malformed body')
}
