/**
 * The host brings the contract (issue 14): on the HTTP-backend H5 build with the sandbox
 * server, a verified host uploads a 3-page PDF (made here with pdf-lib), drags signature fields
 * for two signers onto its last page, and starts the meeting; the screen opens; two phones
 * decode the screen's QR code, verify, read and sign; the screen says 全部签署完成.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'
import type { Browser, Page } from 'playwright-core'
import { DEMO_PEOPLE } from '@sandbox/core/demoData'
import { launchChromium, newPhone, tap } from './support/browser'
import { lastSmsCode, startHttpWorld, type HttpWorld } from './support/httpBackend'
import { decodeScreenQr } from './support/screenQr'
import { verifyIdentity } from './support/journey'
import { confirmIntentByFace, expectNoErrors, readSignByHandAndSubmit } from './support/signing'

jest.setTimeout(240_000)

let world: HttpWorld
let browser: Browser
let contract: Buffer

const HOST_URL = () => `${world.appUrl}/#/packages/host/pages/console/index`

beforeAll(async () => {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 1; i <= 3; i++) {
    const page = doc.addPage([595, 842])
    page.drawText(`Strategic Cooperation Agreement - page ${i} of 3`, { x: 60, y: 780, size: 18, font })
    for (let line = 0; line < 20; line++)
      page.drawText(`Clause ${i}.${line + 1}: the parties agree to cooperate in good faith.`, { x: 60, y: 730 - line * 26, size: 11, font })
    if (i === 3) page.drawText('Party A: ____________        Party B: ____________', { x: 60, y: 140, size: 12, font, color: rgb(0.1, 0.1, 0.4) })
  }
  contract = Buffer.from(await doc.save())
  world = await startHttpWorld()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await world?.close()
})

/** Types into a Taro <Input> by test id. */
async function fill(page: Page, testId: string, value: string): Promise<void> {
  const input = page.locator(`[data-testid="${testId}"] input`)
  await input.fill(value)
}

/** Picks a file in the chooser the button opens (platform/fileInput.h5.ts). */
async function upload(page: Page, buttonTestId: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(`[data-testid="${buttonTestId}"]`).click()])
  await chooser.setFiles(file)
}

/** Drags a palette kind onto the page shown, dropping it at (fx, fy) of the page. */
async function dragKindOntoPage(page: Page, kind: string, fx: number, fy: number): Promise<void> {
  const from = (await page.locator(`[data-testid="host-palette-${kind}"]`).boundingBox())!
  const to = (await page.locator('[data-testid="host-page"]').boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(to.x + to.width * fx, to.y + to.height * fy, { steps: 12 })
  await page.mouse.up()
}

/** A phone scans the screen's link, verifies as `person` and signs its one signature field. */
async function signOnPhone(link: string, person: { name: string; idNumber: string; mobile: string }): Promise<void> {
  const { page, errors, context } = await newPhone(browser)
  await page.goto(link)
  await page.locator('[data-testid="entry-ready"]').waitFor()
  await tap(page, '实名认证后签署')
  await verifyIdentity(page, person, () => lastSmsCode(world.sandbox))
  await page.locator('[data-testid="overview-ready"]').waitFor({ timeout: 15_000 })
  await page.locator('[data-testid="overview-open-contract"]').click()
  await page.locator('[data-testid="contract-ready"]').waitFor({ timeout: 15_000 })
  await readSignByHandAndSubmit(page)
  await confirmIntentByFace(page)
  await page.locator('[data-testid="result-ready"]').waitFor({ timeout: 20_000 })
  expectNoErrors(errors)
  await context.close()
}

describe('the host brings the contract', () => {
  test('host verifies, is refused a fake PDF without losing the draft, uploads a 3-page PDF, drags fields for two signers, starts; phones sign from the screen QR; the screen says 全部签署完成', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1400 } })
    const host = await ctx.newPage()
    const hostErrors: string[] = []
    host.on('pageerror', (e) => hostErrors.push(e.message))
    await host.goto(HOST_URL())

    // The host is a verified person: the real-name form shows in place.
    await host.locator('[data-testid="host-verify"]').waitFor()
    await verifyIdentity(host, DEMO_PEOPLE.WU_HAO, () => lastSmsCode(world.sandbox))
    await host.locator('[data-testid="host-who"]').waitFor({ timeout: 15_000 })

    await fill(host, 'host-name', '2026 战略合作签约仪式')
    await fill(host, 'host-signer-0-name', DEMO_PEOPLE.ZHANG_SAN.name)
    await fill(host, 'host-signer-0-idNumber', DEMO_PEOPLE.ZHANG_SAN.idNumber)
    await fill(host, 'host-signer-0-mobile', DEMO_PEOPLE.ZHANG_SAN.mobile)
    await host.locator('[data-testid="host-add-person"]').click()
    await fill(host, 'host-signer-1-name', DEMO_PEOPLE.LI_SI.name)
    await fill(host, 'host-signer-1-idNumber', DEMO_PEOPLE.LI_SI.idNumber)
    await fill(host, 'host-signer-1-mobile', DEMO_PEOPLE.LI_SI.mobile)

    // A web page saved as .pdf: refused in Chinese, nothing typed is lost.
    await upload(host, 'host-pick-pdf', { name: '合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a pdf</body></html>') })
    await expect(host.locator('[data-testid="host-pdf-error"]').innerText()).resolves.toBe('该文件虽以 .pdf 结尾，但内容不是 PDF，请上传真正的 PDF 合同')
    await expect(host.locator('[data-testid="host-name"] input').inputValue()).resolves.toBe('2026 战略合作签约仪式')
    await expect(host.locator('[data-testid="host-signer-1-idNumber"] input').inputValue()).resolves.toBe(DEMO_PEOPLE.LI_SI.idNumber)

    // The real contract: pdfjs draws its 3 pages.
    await upload(host, 'host-pick-pdf', { name: '战略合作协议.pdf', mimeType: 'application/pdf', buffer: contract })
    await host.locator('[data-testid="host-file"]', { hasText: '战略合作协议.pdf · 共 3 页' }).waitFor({ timeout: 30_000 })
    await host.locator('[data-testid="host-thumb"] img').nth(2).waitFor({ timeout: 30_000 })
    expect(await host.locator('[data-testid="host-pdf-error"]').count()).toBe(0)
    const shown = await host.locator('[data-testid="host-page"] img').evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }))
    expect(shown.w).toBeGreaterThanOrEqual(900)
    expect(shown.h / shown.w).toBeCloseTo(842 / 595, 1)

    // Fields on page 3, by dragging from the palette; then one is dragged further.
    await host.locator('[data-testid="host-thumb"]').nth(2).click()
    await host.locator('[data-testid="host-page"][data-page="2"]').waitFor()
    // the palette and the whole page in view
    await host.locator('[data-testid="host-editor"]').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await host.locator('[data-testid="host-palette-signer-0"]').click()
    await dragKindOntoPage(host, 'SIGN_SIGNATURE', 0.3, 0.8)
    await host.locator('[data-testid="host-palette-signer-1"]').click()
    await dragKindOntoPage(host, 'SIGN_SIGNATURE', 0.7, 0.8)
    const fields = host.locator('[data-testid="host-field"]')
    await expect(fields.count()).resolves.toBe(2)
    await expect(fields.evaluateAll((els) => els.map((e) => e.getAttribute('data-signer')))).resolves.toEqual(['0', '1'])
    const before = (await fields.nth(0).boundingBox())!
    await host.mouse.move(before.x + before.width / 2, before.y + before.height / 2)
    await host.mouse.down()
    await host.mouse.move(before.x + before.width / 2, before.y + before.height / 2 - 40, { steps: 8 })
    await host.mouse.up()
    const after = (await fields.nth(0).boundingBox())!
    expect(after.y).toBeLessThan(before.y - 30)
    expect(Math.abs(after.x - before.x)).toBeLessThan(2)

    // A logo and a title for the screen.
    const logo = await host.screenshot({ clip: { x: 0, y: 0, width: 160, height: 48 } })
    await upload(host, 'host-pick-logo', { name: 'logo.png', mimeType: 'image/png', buffer: logo })
    await host.locator('[data-testid="host-preview"] img').waitFor()
    const background = await host.screenshot({ type: 'jpeg', quality: 60, clip: { x: 0, y: 0, width: 640, height: 360 } })
    await upload(host, 'host-pick-background', { name: 'bg.jpg', mimeType: 'image/jpeg', buffer: background })
    await host.locator('[data-testid="host-preview"][style*="background-image"]').waitFor()
    await fill(host, 'host-screen-title', '星河 × 海纳 战略签约')

    await host.locator('[data-testid="host-start"]').click()
    await host.locator('[data-testid="host-started"], [data-testid="host-start-error"]').first().waitFor({ timeout: 30_000 })
    expect(await host.locator('[data-testid="host-start-error"]').allInnerTexts()).toEqual([])
    // SMS invites went to both signers (the sandbox outbox)
    const outbox = world.sandbox.dev.listSmsOutbox().map((m) => m.to)
    expect(outbox).toEqual(expect.arrayContaining(['138****8000', '139****9000']))

    // The screen, from the console.
    await host.locator('[data-testid="host-open-screen"]').click()
    await host.locator('[data-testid="meeting-screen"]').waitFor({ timeout: 15_000 })
    await expect(host.locator('[data-testid="meeting-title"]').innerText()).resolves.toBe('星河 × 海纳 战略签约')
    expect(await host.locator('[data-testid="meeting-logo"]').count()).toBe(1)
    expect(await host.locator('[data-testid="meeting-background"]').count()).toBe(1)
    expect(await host.locator('[data-testid="meeting-fullscreen"]').count()).toBe(1)
    const rows = host.locator('[data-testid="meeting-signer"]')
    await expect(rows.count()).resolves.toBe(2)
    const link = await decodeScreenQr(host)
    expect(link).toBe((await host.locator('[data-testid="meeting-link"]').innerText()).trim())
    expect(link).toMatch(new RegExp(`^${world.appUrl}/s/`))

    await signOnPhone(link!, DEMO_PEOPLE.ZHANG_SAN)
    await host.locator('[data-testid="meeting-signer"]', { hasText: /甲方[\s\S]*已签署/ }).waitFor({ timeout: 5_000 })
    expect(await host.locator('[data-testid="meeting-all-signed"]').count()).toBe(0)
    await signOnPhone(link!, DEMO_PEOPLE.LI_SI)
    // within 2 s of the last signature, without a reload
    await host.locator('[data-testid="meeting-all-signed"]', { hasText: '全部签署完成' }).waitFor({ timeout: 2_000 })
    expect(hostErrors).toEqual([])
    await ctx.close()
  })
})
