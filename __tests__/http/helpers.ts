/** Shared helpers for the HTTP transport tests (not a test file itself). */
import * as http from 'http'
import type { AddressInfo } from 'net'
import { ServiceError } from '@/services/errors'

export async function caught(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p
  } catch (e) {
    if (!(e instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(e)}`)
    return e
  }
  throw new Error('expected a rejection')
}

/** A raw HTTP server with a custom handler, on 127.0.0.1 and a random port. */
export async function rawServer(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/** Plain fetch of a path, returning status, headers and the parsed (or raw) body. */
export async function raw(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read whatever the server answered
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url, init)
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // leave as text
  }
  return { status: res.status, headers: res.headers, body }
}
