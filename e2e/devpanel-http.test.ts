/**
 * The developer panel on the HTTP build (what `npm start` serves: dist/h5-http, built with
 * INKSEAL_DEV_TOOLS=1, against the sandbox server): the panel lists the server sandbox's demo
 * links, a phone verifies with the code read from the page's SMS notice (fetched from the
 * server), the panel's SMS list has it too, and a server without dev endpoints is a Chinese
 * reason instead of a panel.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import type { Browser } from 'playwright-core'
import { DEMO_PEOPLE } from '@sandbox/core/demoData'
import { createSandbox } from '@sandbox'
import { startSandboxServer } from '@sandbox/server/sandboxServer'
import { launchChromium, newPhone, tap } from './support/browser'
import { HTTP_API_PORT, HTTP_H5_DIR, startHttpWorld, type HttpWorld } from './support/httpBackend'
import { demoLink, readSmsCode, verifyIdentity } from './support/journey'
import { expectNoErrors } from './support/signing'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveH5 } = require('../scripts/serve-h5.js') as {
  serveH5: (dir: string, port?: number, host?: string) => Promise<{ url: string; close: () => Promise<void> }>
}

jest.setTimeout(120_000)

let world: HttpWorld | null = null
let browser: Browser

beforeAll(async () => {
  world = await startHttpWorld()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await world?.close()
})

describe('developer panel over HTTP', () => {
  test('lists the server sandbox’s demo links, identities and meeting screens; no fault controls', async () => {
    const w = world as HttpWorld
    const { page, errors, context } = await newPhone(browser)
    await page.goto(w.appUrl)
    await page.locator('taro-button-core', { hasText: '开发者面板' }).click()
    const cards = page.locator('[data-testid="demo-link"]')
    await cards.first().waitFor()
    const shown = (await page.locator('[data-testid="demo-link-url"]').allInnerTexts()).map((t) => t.trim())
    expect(shown).toEqual(w.sandbox.dev.listDemoLinks().map((l) => l.link))
    expect(shown[0].startsWith(`${w.appUrl}/s/`)).toBe(true)
    expect(await page.locator('[data-testid="demo-identity"]').count()).toBe(w.sandbox.dev.listDemoIdentities().length)
    expect(await page.locator('[data-testid="demo-meeting"]').count()).toBe(w.sandbox.dev.listMeetings().length)
    await expect(page.locator('[data-testid="dev-remote"]').innerText()).resolves.toContain('已连接沙箱服务器')
    expect(await page.locator('[data-testid="dev-faults"]').count()).toBe(0)
    expect(await page.locator('[data-testid="dev-error"]').count()).toBe(0)
    expectNoErrors(errors)
    await context.close()
  })

  test('a phone verifies with the code from the page’s SMS notice; the panel’s SMS list has it', async () => {
    const w = world as HttpWorld
    const { page, errors, context } = await newPhone(browser)
    const link = await demoLink(page, w.appUrl, '房屋租赁合同')
    await page.goto(link)
    await page.locator('[data-testid="entry-ready"]').waitFor()
    await tap(page, '实名认证后签署')
    expect(await page.locator('[data-testid="sandbox-sms"]').count()).toBe(0) // nothing sent yet
    let code = ''
    // The default: the code read from the page's notice, which the app fetched from the server
    await verifyIdentity(page, DEMO_PEOPLE.ZHANG_SAN, async () => (code = await readSmsCode(page)))
    expect(code).toBe(/(\d{6})/.exec(w.sandbox.dev.listSmsOutbox()[0].text)?.[1])
    await page.locator('[data-testid="overview-ready"]').waitFor({ timeout: 15_000 })
    await expect(page.locator('[data-testid="overview-ready"]').innerText()).resolves.toContain('张*（我）')

    await page.goto(`${w.appUrl}/#/pages/dev/index`)
    const sms = page.locator('[data-testid="sms-item"]')
    await sms.first().waitFor()
    expect(await sms.first().innerText()).toContain(code)
    expectNoErrors(errors)
    await context.close()
  })

  test('a server without dev endpoints: the panel says so in Chinese and shows nothing else', async () => {
    await world?.close()
    world = null
    const app = await serveH5(HTTP_H5_DIR, 0, '127.0.0.1')
    const sandbox = createSandbox({ linkBase: app.url, latency: { min: 0, max: 0 } })
    const server = await startSandboxServer({ service: sandbox, port: HTTP_API_PORT, cors: true, onError: () => undefined })
    try {
      const { page, errors, context } = await newPhone(browser)
      await page.goto(`${app.url}/#/pages/dev/index`)
      const why = page.locator('[data-testid="dev-unavailable"]')
      await why.waitFor()
      expect(await why.innerText()).toContain('未开放开发者接口')
      expect(await page.locator('[data-testid="demo-link"]').count()).toBe(0)
      expect(await page.locator('taro-button-core', { hasText: '重置沙箱数据' }).count()).toBe(0)
      expectNoErrors(errors)
      await context.close()
    } finally {
      await server.close()
      await app.close()
    }
  })
})
