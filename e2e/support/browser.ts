import path from 'path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

// scripts/serve-h5.js is plain CommonJS shared with `npm start`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveH5 } = require('../../scripts/serve-h5.js') as {
  serveH5: (dir: string, port?: number, host?: string) => Promise<{ url: string; close: () => Promise<void> }>
}

export const H5_DIR = process.env.INKSEAL_H5_DIR || path.join(__dirname, '..', '..', 'dist', 'h5')
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Debian's chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}

export interface H5Harness {
  browser: Browser
  baseUrl: string
  close(): Promise<void>
}

/** Serves the built H5 app (dist/h5) on a free loopback port and starts Chromium. */
export async function startH5(): Promise<H5Harness> {
  const server = await serveH5(H5_DIR, 0, '127.0.0.1')
  const browser = await launchChromium()
  return {
    browser,
    baseUrl: server.url,
    async close() {
      await browser.close()
      await server.close()
    }
  }
}

export interface AppPage {
  context: BrowserContext
  page: Page
  errors: string[]
  console: string[]
}

/** A fresh phone: its own storage, a phone-sized viewport, page errors collected. */
export async function newPhone(browser: Browser): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true })
  const page = await context.newPage()
  const errors: string[] = []
  const consoleLines: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`))
  return { context, page, errors, console: consoleLines }
}

/** Types into a Taro <Input> (a taro-input-core wrapping a native input). */
export async function fill(page: Page, testId: string, value: string): Promise<void> {
  const input = page.locator(`[data-testid="${testId}"] input`)
  await input.fill(value)
  await input.blur()
}

/** Clicks a Taro <Button> by its visible text. */
export async function tap(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('taro-button-core', { hasText: text }).first().click()
}
