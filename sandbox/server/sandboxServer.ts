import * as http from 'http'
import type { AddressInfo } from 'net'
import { ErrorCode, ServiceErrorShape } from '@/services/errors'
import { HTTP_STATUS } from '@/services/httpStatus'
import { HOST_UPLOAD_LIMITS, InkSealService, OperationName, OPERATIONS, SandboxDevTools } from '@/services/types'

/**
 * Serves any InkSealService over HTTP with the protocol that src/services/http/HttpService.ts
 * speaks:
 *
 *   POST /api/v1/{operation}   JSON input -> 200 { ok: true, data }
 *                              or HTTP_STATUS[code] { ok: false, error: { code, message, details } }
 *   GET  /api/health           { ok: true }
 *   GET  /api/dev/links | /api/dev/identities | /api/dev/sms | /api/dev/meetings, POST /api/dev/reset
 *                              (only when `dev` is given) -> { ok: true, data }
 *
 * Only the service interface is used, so it works with the sandbox or anything else.
 */

export interface SandboxServerOptions {
  service: InkSealService
  /** 0 (default) picks a free port */
  port?: number
  /** Default 127.0.0.1 */
  host?: string
  /** Exposes the developer endpoints under /api/dev */
  dev?: SandboxDevTools
  /** Adds Access-Control-Allow-Origin: * and answers OPTIONS preflights */
  cors?: boolean
  /** Where unexpected errors go (never to the client). Default console.error. */
  onError?: (error: unknown, context: { path: string }) => void
}

export interface SandboxServer {
  url: string
  port: number
  close(): Promise<void>
}

export const MAX_BODY_BYTES = 1024 * 1024
/**
 * Operations that carry files in their JSON, with their own body limit: a hosted meeting
 * (types.host.ts) brings its PDF, a rendered image per page and the screen's two images, in
 * base64 (4/3 of the bytes), plus the rest of the set-up.
 */
export const LARGE_BODY_BYTES: Partial<Record<OperationName, number>> = {
  createHostedMeeting:
    Math.ceil(((HOST_UPLOAD_LIMITS.pdfMaxBytes + HOST_UPLOAD_LIMITS.pageImagesMaxBytes + 2 * HOST_UPLOAD_LIMITS.screenImageMaxBytes) * 4) / 3) + MAX_BODY_BYTES
}
/** Past this much discarded upload the connection is cut instead of drained. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES

const MESSAGES = {
  INTERNAL: '系统繁忙，请稍后重试',
  NOT_FOUND: '请求的接口不存在',
  METHOD: '请求方法不支持',
  BAD_JSON: '请求格式不正确',
  TOO_LARGE: '请求内容过大'
}

type Json = Record<string, unknown>

class HttpFailure {
  constructor(
    readonly status: number,
    readonly error: ServiceErrorShape,
    readonly headers: Record<string, string> = {}
  ) {}
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(HTTP_STATUS, code)
}

/** A ServiceError, recognised by shape so that any implementation's errors pass through. */
function asServiceError(e: unknown): ServiceErrorShape | null {
  if (!(e instanceof Error)) return null
  const { code, message, details } = e as Error & { code?: unknown; details?: unknown }
  if (e.name !== 'ServiceError' || !isKnownCode(code) || typeof message !== 'string') return null
  // INTERNAL details may describe the failure (e.g. `cause`): keep them on the server.
  const safeDetails = code !== 'INTERNAL' && details && typeof details === 'object' && !Array.isArray(details) ? (details as Json) : {}
  return { code, message: code === 'INTERNAL' ? MESSAGES.INTERNAL : message, details: safeDetails }
}

export function startSandboxServer(opts: SandboxServerOptions): Promise<SandboxServer> {
  const { service, dev, cors = false } = opts
  const host = opts.host ?? '127.0.0.1'
  const onError = opts.onError ?? ((error, ctx) => console.error(`[sandbox-server] ${ctx.path}`, error))
  const operations = new Set<string>(OPERATIONS)

  const devRoutes: Record<string, { method: 'GET' | 'POST'; run: (d: SandboxDevTools) => unknown }> = {
    '/api/dev/links': { method: 'GET', run: (d) => d.listDemoLinks() },
    '/api/dev/identities': { method: 'GET', run: (d) => d.listDemoIdentities() },
    '/api/dev/sms': { method: 'GET', run: (d) => d.listSmsOutbox() },
    '/api/dev/meetings': { method: 'GET', run: (d) => d.listMeetings() },
    '/api/dev/reset': {
      method: 'POST',
      run: (d) => {
        d.reset()
        return null
      }
    }
  }

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.headersSent || res.writableEnded) return
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'cache-control': 'no-store',
      ...(cors ? { 'access-control-allow-origin': '*' } : {}),
      ...headers
    })
    res.end(text)
  }

  const sendFailure = (res: http.ServerResponse, f: HttpFailure) => send(res, f.status, { ok: false, error: f.error }, f.headers)

  const notFound = (path: string) => new HttpFailure(404, { code: 'INVALID_INPUT', message: MESSAGES.NOT_FOUND, details: { path } })
  const badMethod = (allow: string) => new HttpFailure(405, { code: 'INVALID_INPUT', message: MESSAGES.METHOD, details: { allow } }, { allow })

  /** Reads a JSON object body of at most `maxBytes` (MAX_BODY_BYTES, or the operation's LARGE_BODY_BYTES). */
  const readJson = (req: http.IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Json> =>
    new Promise((resolve, reject) => {
      const tooLarge = () =>
        maxBytes === MAX_BODY_BYTES
          ? new HttpFailure(413, { code: 'INVALID_INPUT', message: MESSAGES.TOO_LARGE, details: { maxBytes } }, { connection: 'close' })
          : new HttpFailure(
              413,
              {
                code: 'PAYLOAD_TOO_LARGE',
                message: `上传内容过大（超过 ${Math.floor(maxBytes / (1024 * 1024))} MB），请压缩合同 PDF 或降低页面图片清晰度后重试`,
                details: { maxBytes }
              },
              { connection: 'close' }
            )
      const declared = Number(req.headers['content-length'])
      const chunks: Buffer[] = []
      let size = 0
      let failed = false
      const overflow = () => {
        failed = true
        chunks.length = 0
        reject(tooLarge())
      }
      if (Number.isFinite(declared) && declared > maxBytes) overflow()
      req.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (failed) {
          // Keep draining so the client can read the 413, but not forever
          if (size > maxBytes + MAX_DRAIN_BYTES) req.destroy()
          return
        }
        if (size > maxBytes) {
          overflow()
          return
        }
        chunks.push(chunk)
      })
      let ended = false
      // The client went away before the body was complete: nobody will read the answer.
      const abandoned = () => {
        if (failed || ended) return
        failed = true
        reject(new HttpFailure(400, { code: 'INVALID_INPUT', message: MESSAGES.BAD_JSON, details: {} }))
      }
      req.on('error', abandoned)
      req.on('close', abandoned)
      req.on('end', () => {
        ended = true
        if (failed) return
        let value: unknown
        try {
          value = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        } catch {
          reject(new HttpFailure(400, { code: 'INVALID_INPUT', message: MESSAGES.BAD_JSON, details: {} }))
          return
        }
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          reject(new HttpFailure(400, { code: 'INVALID_INPUT', message: MESSAGES.BAD_JSON, details: {} }))
          return
        }
        resolve(value as Json)
      })
    })

  const callOperation = async (op: OperationName, input: Json): Promise<{ status: number; body: unknown }> => {
    try {
      const method = service[op] as (input: unknown) => Promise<unknown>
      const data = await method.call(service, input)
      return { status: 200, body: { ok: true, data: data === undefined ? null : data } }
    } catch (e) {
      const known = asServiceError(e)
      if (known) {
        if (known.code === 'INTERNAL') onError(e, { path: `/api/v1/${op}` })
        return { status: HTTP_STATUS[known.code], body: { ok: false, error: known } }
      }
      onError(e, { path: `/api/v1/${op}` })
      return { status: 500, body: { ok: false, error: { code: 'INTERNAL', message: MESSAGES.INTERNAL, details: {} } } }
    }
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const method = (req.method || 'GET').toUpperCase()
    let path: string
    try {
      path = new URL(req.url || '/', 'http://localhost').pathname
    } catch {
      path = '/'
    }

    if (method === 'OPTIONS' && cors) {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': String(req.headers['access-control-request-headers'] || 'content-type'),
        'access-control-max-age': '600',
        'content-length': '0'
      })
      res.end()
      return
    }

    if (path === '/api/health') {
      if (method !== 'GET' && method !== 'HEAD') throw badMethod('GET')
      send(res, 200, { ok: true })
      return
    }

    const opMatch = /^\/api\/v1\/([^/]+)$/.exec(path)
    if (opMatch) {
      const op = opMatch[1]
      if (!operations.has(op)) throw notFound(path)
      if (method !== 'POST') throw badMethod('POST')
      const input = await readJson(req, LARGE_BODY_BYTES[op as OperationName] ?? MAX_BODY_BYTES)
      const { status, body } = await callOperation(op as OperationName, input)
      send(res, status, body)
      return
    }

    const devRoute = dev ? devRoutes[path] : undefined
    if (dev && devRoute) {
      if (method !== devRoute.method) throw badMethod(devRoute.method)
      send(res, 200, { ok: true, data: devRoute.run(dev) })
      return
    }

    throw notFound(path)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (e instanceof HttpFailure) {
        sendFailure(res, e)
        return
      }
      onError(e, { path: req.url || '' })
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: MESSAGES.INTERNAL, details: {} } })
    })
  })

  return new Promise((resolve, reject) => {
    const onListenError = (e: Error) => reject(e)
    server.once('error', onListenError)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', onListenError)
      const { port } = server.address() as AddressInfo
      const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host
      let closing: Promise<void> | null = null
      resolve({
        url: `http://${urlHost}:${port}`,
        port,
        close: () => {
          closing ??= new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()))
            server.closeAllConnections()
          })
          return closing
        }
      })
    })
  })
}
