import type { RequestFn, RequestResult } from './HttpService'

/**
 * A RequestFn for Node (tests, scripts) on the global fetch, shaped like Taro.request:
 * resolves `{ statusCode, data, header, errMsg }` for any HTTP answer (data is parsed JSON, or
 * the raw text when it does not parse); rejects with an Error carrying `errMsg`
 * ('request:fail timeout' or 'request:fail <reason>') when no answer arrives.
 * The returned promise has `abort()`.
 */
export const fetchRequest: RequestFn = (options) => {
  const controller = new AbortController()
  let timedOut = false
  const timer =
    typeof options.timeout === 'number' && options.timeout > 0
      ? setTimeout(() => {
          timedOut = true
          controller.abort()
        }, options.timeout)
      : undefined

  const run = async (): Promise<RequestResult> => {
    try {
      const hasBody = options.method !== 'GET' && options.data !== undefined
      const res = await fetch(options.url, {
        method: options.method,
        headers: options.header,
        body: hasBody ? (typeof options.data === 'string' ? options.data : JSON.stringify(options.data)) : undefined,
        signal: controller.signal
      })
      const text = await res.text()
      let data: unknown = text
      if (options.dataType === 'json' && text) {
        try {
          data = JSON.parse(text)
        } catch {
          data = text
        }
      }
      const header: Record<string, string> = {}
      res.headers.forEach((value, key) => {
        header[key] = value
      })
      return { statusCode: res.status, data, header, errMsg: 'request:ok' }
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } }
      const reason = timedOut ? 'timeout' : [err?.message || String(e), err?.cause?.code].filter(Boolean).join(': ')
      throw Object.assign(new Error(`request:fail ${reason}`), { errMsg: `request:fail ${reason}` })
    } finally {
      if (timer) clearTimeout(timer)
    }
  }

  return Object.assign(run(), { abort: () => controller.abort() })
}
