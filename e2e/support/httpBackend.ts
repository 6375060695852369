import fs from 'fs'
import os from 'os'
import path from 'path'
import { createSandbox, type SandboxService } from '@sandbox'
import { FileStorage } from '@sandbox/server/fileStorage'
import { startSandboxServer, type SandboxServer } from '@sandbox/server/sandboxServer'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveH5 } = require('../../scripts/serve-h5.js') as {
  serveH5: (dir: string, port?: number, host?: string) => Promise<{ url: string; close: () => Promise<void> }>
}

/** The H5 build on the HTTP client (scripts/test.js builds it with this API base). */
export const HTTP_H5_DIR = process.env.INKSEAL_H5_HTTP_DIR || path.join(__dirname, '..', '..', 'dist', 'h5-http')
export const HTTP_API_PORT = Number(process.env.INKSEAL_E2E_API_PORT || 18787)

export interface HttpWorld {
  appUrl: string
  apiUrl: string
  sandbox: SandboxService
  dataFile: string
  /** Stops the sandbox server and starts a new one on the same state file (a restart). */
  restartBackend(): Promise<void>
  close(): Promise<void>
}

/**
 * The meeting's shared backend: the sandbox behind the HTTP server on loopback, its state in a
 * file, and the H5 app (built with INKSEAL_BACKEND=http) served next to it. Phones and the
 * meeting screen are separate browser contexts talking to this one backend.
 */
export async function startHttpWorld(): Promise<HttpWorld> {
  if (!fs.existsSync(path.join(HTTP_H5_DIR, 'index.html'))) {
    throw new Error(
      `${HTTP_H5_DIR} missing: build with INKSEAL_BACKEND=http INKSEAL_API_BASE=http://127.0.0.1:${HTTP_API_PORT} INKSEAL_DEV_TOOLS=1 INKSEAL_OUT=dist/h5-http`
    )
  }
  const app = await serveH5(HTTP_H5_DIR, 0, '127.0.0.1')
  const dataFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-sandbox-')), 'sandbox.json')
  const make = () => createSandbox({ storage: new FileStorage(dataFile), linkBase: app.url, latency: { min: 20, max: 80 } })
  let sandbox = make()
  let server: SandboxServer = await startSandboxServer({ service: sandbox, dev: sandbox.dev, port: HTTP_API_PORT, cors: true, onError: () => undefined })
  const world: HttpWorld = {
    appUrl: app.url,
    apiUrl: server.url,
    sandbox,
    dataFile,
    async restartBackend() {
      await server.close()
      sandbox = make()
      world.sandbox = sandbox
      server = await startSandboxServer({ service: sandbox, dev: sandbox.dev, port: HTTP_API_PORT, cors: true, onError: () => undefined })
    },
    async close() {
      await server.close()
      await app.close()
    }
  }
  return world
}

/** The newest 6-digit code the sandbox "sent" (the server side: there is no phone). */
export function lastSmsCode(sandbox: SandboxService): string {
  const m = /(\d{6})/.exec(sandbox.dev.listSmsOutbox()[0]?.text ?? '')
  if (!m) throw new Error('no SMS sent')
  return m[1]
}
