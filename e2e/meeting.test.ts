/**
 * The meeting screen and the sandbox over HTTP (issue 7): the initiator's screen and a signer's
 * phone are two browser contexts sharing one backend, the sandbox behind its HTTP server.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import type { Browser } from 'playwright-core'
import { DEMO_PEOPLE } from '@sandbox/core/demoData'
import { launchChromium, newPhone, tap } from './support/browser'
import { lastSmsCode, startHttpWorld, type HttpWorld } from './support/httpBackend'
import { decodeScreenQr } from './support/screenQr'
import { verifyIdentity } from './support/journey'
import { confirmIntentByFace, expectNoErrors, readSignByHandAndSubmit } from './support/signing'

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

describe('a signature reaches the meeting screen', () => {
  test('the signer scans the screen QR, verifies, signs; the screen shows 已签署 within 2 s without reload; a backend restart keeps it', async () => {
    const screenCtx = await browser.newContext({ viewport: { width: 1600, height: 900 } })
    const screen = await screenCtx.newPage()
    await screen.goto(screenLink())
    await screen.locator('[data-testid="meeting-screen"]').waitFor()
    const liuRow = screen.locator('[data-testid="meeting-signer"]', { hasText: '法定代表人 · 刘*' })
    expect(await liuRow.innerText()).toContain('待签署')
    const link = (await screen.locator('[data-testid="meeting-link"]').innerText()).trim()

    // The phone: a separate context, the same HTTP backend.
    const { page, errors, context } = await newPhone(browser)
    await page.goto(link)
    await page.locator('[data-testid="entry-ready"]').waitFor()
    await tap(page, '实名认证后签署')
    expect(await page.locator('[data-testid="sandbox-sms"]').count()).toBe(0) // no SMS sent yet
    await verifyIdentity(page, DEMO_PEOPLE.LIU_YANG, () => lastSmsCode(world.sandbox))
    await page.locator('[data-testid="overview-ready"]').waitFor({ timeout: 15_000 })
    await page.locator('[data-testid="overview-open-contract"]').click()
    await page.locator('[data-testid="contract-ready"]').waitFor({ timeout: 15_000 })
    await readSignByHandAndSubmit(page)
    await confirmIntentByFace(page)
    await page.locator('[data-testid="result-ready"]').waitFor({ timeout: 20_000 })

    // The screen, untouched since it opened, shows the signature within 2 s.
    await screen.locator('[data-testid="meeting-signer"]', { hasText: /法定代表人 · 刘\*[\s\S]*已签署/ }).waitFor({ timeout: 2_000 })
    expect(await screen.locator('[data-testid="meeting-signer"]', { hasText: '已签署' }).count()).toBeGreaterThanOrEqual(1)
    expectNoErrors(errors)

    // Restarting the backend keeps flows and signatures (state in a file).
    await world.restartBackend()
    await screen.reload()
    await screen.locator('[data-testid="meeting-signer"]', { hasText: /法定代表人 · 刘\*[\s\S]*已签署/ }).waitFor({ timeout: 10_000 })
    const [m] = world.sandbox.dev.listMeetings()
    const board = await world.sandbox.getMeetingBoard({ meetingId: m.meetingId, boardKey: /k=(\w+)/.exec(m.screenLink)![1] })
    const signed = board.flows[0].signers.filter((s) => s.status === 'SIGNED').map((s) => s.maskedName)
    expect(signed).toContain('刘*')
    // and the signer's session survived too: the result page reloads signed
    await page.reload()
    await page.locator('[data-testid="result-ready"]').waitFor({ timeout: 20_000 })
    await expect(page.locator('[data-testid="signer-status-row"]', { hasText: '（我）' }).innerText()).resolves.toContain('已签署')
    await context.close()
    await screenCtx.close()
  })
})
