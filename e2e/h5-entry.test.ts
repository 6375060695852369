/**
 * The signer's way in, on the built H5 app in Debian Chromium: open a demo QR link, verify
 * identity with the SMS code the sandbox sent, reach the contract overview; the wrong signer
 * is refused; expired and closed links say why; a QR picked from the album is decoded.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import fs from 'fs'
import os from 'os'
import path from 'path'
import QRCode from 'qrcode'
import { DEMO_PEOPLE } from '@sandbox/core/demoData'
import { newPhone, startH5, tap, type H5Harness } from './support/browser'
import { demoLink, verifyIdentity } from './support/journey'

jest.setTimeout(90_000)

let h5: H5Harness

beforeAll(async () => {
  h5 = await startH5()
})

afterAll(async () => {
  await h5?.close()
})

describe('signer entry (H5)', () => {
  test('a personal signer opens the QR link, verifies with the SMS code and reaches the overview', async () => {
    const { page, errors, console: logs, context } = await newPhone(h5.browser)
    const link = await demoLink(page, h5.baseUrl, '房屋租赁合同')
    await page.goto(link)
    const ready = page.locator('[data-testid="entry-ready"]')
    await ready.waitFor()
    await expect(ready.innerText()).resolves.toContain('房屋租赁合同')
    await tap(page, '实名认证后签署')

    const zhang = DEMO_PEOPLE.ZHANG_SAN
    await verifyIdentity(page, zhang)

    const overview = page.locator('[data-testid="overview-ready"]')
    await overview.waitFor({ timeout: 15_000 })
    const text = await overview.innerText()
    expect(text).toContain('我的签署状态：待签署')
    expect(text).toContain('房屋租赁合同')
    expect(text).toContain('张*（我）')
    expect(text).toContain('李*')
    expect(errors).toEqual([])
    // No React/Taro DOM errors either (e.g. a Button whose loading state and label change together)
    expect(logs.filter((l) => l.startsWith('error:'))).toEqual([])

    // Only masked identity data stays on the device or in the console.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }))
    expect(stored).toContain('inkseal.session')
    for (const secret of [zhang.idNumber, zhang.mobile]) {
      expect(stored).not.toContain(secret)
      expect(logs.join('\n')).not.toContain(secret)
    }
    await context.close()
  })

  test('someone who verifies but is not a signer of this flow is refused, told whom it is for (masked)', async () => {
    const { page, context } = await newPhone(h5.browser)
    const link = await demoLink(page, h5.baseUrl, '房屋租赁合同')
    await page.goto(link)
    await page.locator('[data-testid="entry-ready"]').waitFor()
    await tap(page, '实名认证后签署')
    await verifyIdentity(page, DEMO_PEOPLE.WU_HAO)
    const refused = page.locator('[data-testid="overview-refused"]')
    await refused.waitFor({ timeout: 15_000 })
    const text = await refused.innerText()
    expect(text).toContain('您不是本合同的签署人')
    expect(text).toMatch(/张\*（1\d\d\*\*\*\*\d{4}）/)
    expect(text).not.toContain(DEMO_PEOPLE.ZHANG_SAN.mobile)
    await context.close()
  })

  test('an expired link says it expired and when', async () => {
    const { page, context } = await newPhone(h5.browser)
    const link = await demoLink(page, h5.baseUrl, '已过期的签署码')
    await page.goto(link)
    const refused = page.locator('[data-testid="entry-refused"]')
    await refused.waitFor()
    const text = await refused.innerText()
    expect(text).toContain('无法打开该签署码')
    expect(text).toMatch(/已于 \d{4}-\d\d-\d\d \d\d:\d\d 过期/)
    await context.close()
  })

  test.each([
    ['设备采购合同', '已过期', '超过签署截止时间'],
    ['保密协议', '已撤销', '已被发起方撤销'],
    ['借款合同', '已完成', '已完成签署']
  ])('a %s link opens read-only with its status (%s)', async (label, status, message) => {
    const { page, context } = await newPhone(h5.browser)
    const link = await demoLink(page, h5.baseUrl, label)
    await page.goto(link)
    const closed = page.locator('[data-testid="entry-closed"]')
    await closed.waitFor()
    const text = await closed.innerText()
    expect(text).toContain(status)
    expect(text).toContain(message)
    expect(await page.locator('taro-button-core', { hasText: '实名认证后签署' }).count()).toBe(0)
    await context.close()
  })

  test("a completed contract's code opens it for its signer: verify, then the details with the signed PDF to download", async () => {
    const { page, context, errors } = await newPhone(h5.browser)
    const link = await demoLink(page, h5.baseUrl, '借款合同')
    await page.goto(link)
    await page.locator('[data-testid="entry-closed"]').waitFor()
    await page.locator('[data-testid="entry-view-completed"]').click()
    await verifyIdentity(page, DEMO_PEOPLE.ZHANG_SAN)
    await page.locator('[data-testid="overview-open-contract"]').click()
    await page.locator('[data-testid="detail-ready"]').waitFor({ timeout: 15_000 })
    expect(await page.locator('[data-testid="detail-status"]').innerText()).toContain('已完成')
    expect(await page.locator('[data-testid="doc-download"]').innerText()).toContain('下载合同文件')
    expect(errors).toEqual([])
    await context.close()
  })

  test('a pasted link to a foreign host is refused with a clear message', async () => {
    const { page, context } = await newPhone(h5.browser)
    await page.goto(h5.baseUrl + '/')
    await page.locator('[data-testid="link-input"] input').fill('https://evil.example.com/s/1.S.ABCDEFGH.abcdefgh.zzzzzz.A')
    await tap(page, '打开')
    const refused = page.locator('[data-testid="entry-refused"]')
    await refused.waitFor()
    expect(await refused.innerText()).toContain('evil.example.com')
    await context.close()
  })

  test('a QR code picked from the album is decoded (after privacy consent) and opens the flow', async () => {
    const { page, context } = await newPhone(h5.browser)
    const link = await demoLink(page, h5.baseUrl, '劳动合同')
    const png = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-qr-')), 'qr.png')
    await QRCode.toFile(png, link, { width: 480, margin: 4 })
    await page.goto(h5.baseUrl + '/')
    await tap(page, '识别相册中的签署码')
    const popup = page.locator('[data-testid="privacy-popup"]')
    await popup.waitFor()
    const chooser = page.waitForEvent('filechooser')
    await tap(page, '同意并继续')
    await (await chooser).setFiles(png)
    const ready = page.locator('[data-testid="entry-ready"]')
    await ready.waitFor()
    expect(await ready.innerText()).toContain('劳动合同')
    await context.close()
  })

  test('a picture without a QR code is refused with a reason', async () => {
    const { page, context } = await newPhone(h5.browser)
    await page.goto(h5.baseUrl + '/')
    // A blank PNG: decodes as an image, holds no QR code. Consent was not given in this context yet.
    const blank = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-blank-')), 'blank.png')
    fs.writeFileSync(blank, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64'))
    await tap(page, '识别相册中的签署码')
    const chooser = page.waitForEvent('filechooser')
    await tap(page, '同意并继续')
    await (await chooser).setFiles(blank)
    const err = page.locator('[data-testid="home-error"]')
    await err.waitFor()
    expect(await err.innerText()).toContain('没有识别到二维码')
    await context.close()
  })
})
