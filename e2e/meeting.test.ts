/**
 * The meeting screen and the sandbox over HTTP (issue 7): the initiator's screen and a signer's
 * phone are two browser contexts sharing one backend, the sandbox behind its HTTP server.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import jsQR from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './support/browser'
import { startHttpWorld, type HttpWorld } from './support/httpBackend'

jest.setTimeout(120_000)

let world: HttpWorld
let browser: Browser

beforeAll(async () => {
  world = await startHttpWorld()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await world?.close()
})

function screenLink(): string {
  return world.sandbox.dev.listMeetings()[0].screenLink
}

/** Decodes the QR code shown on the screen from a screenshot of it (jsQR on the pixels). */
async function decodeScreenQr(page: Page): Promise<string | null> {
  const png = await page.locator('[data-testid="meeting-qr"]').screenshot()
  const pixels = await page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    return { w: c.width, h: c.height, data: Array.from(ctx.getImageData(0, 0, c.width, c.height).data) }
  }, png.toString('base64'))
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.w, pixels.h)?.data ?? null
}

describe('meeting screen over HTTP', () => {
  test('shows the meeting, a QR code that decodes to a signing link the app accepts, and every signer pending', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } })
    const screen = await ctx.newPage()
    await screen.goto(screenLink())
    const body = screen.locator('[data-testid="meeting-screen"]')
    await body.waitFor()
    expect(await screen.innerText('body')).toContain('2026 数字经济战略签约仪式')
    const rows = screen.locator('[data-testid="meeting-signer"]')
    expect(await rows.count()).toBe(4)
    for (const t of await rows.allInnerTexts()) expect(t).toContain('待签署')

    const decoded = await decodeScreenQr(screen)
    const shown = (await screen.locator('[data-testid="meeting-link"]').innerText()).trim()
    expect(decoded).toBe(shown)
    expect(decoded).toMatch(new RegExp(`^${world.appUrl}/s/1\\.S\\.STRATG26\\.`))

    // The results view lists every flow of the meeting with its status.
    await screen.locator('taro-button-core', { hasText: '签约结果' }).click()
    const results = await screen.locator('[data-testid="meeting-results"]').innerText()
    expect(results).toContain('战略合作框架协议')
    expect(results).toContain('联合创新实验室共建协议')
    expect(results).toContain('已签署 0/4')
    await ctx.close()
  })

  test('a wrong board key says so instead of showing the meeting', async () => {
    const ctx = await browser.newContext()
    const screen = await ctx.newPage()
    await screen.goto(screenLink().replace(/k=\w+/, 'k=wrongwrongwrong0'))
    const err = screen.locator('[data-testid="meeting-error"]')
    await err.waitFor()
    expect(await err.innerText()).toContain('大屏凭证无效')
    await ctx.close()
  })
})
