/**
 * Enterprise onboarding on the built H5 app in Debian Chromium:
 * - the operator uploads a licence (file chooser), confirms it, names the administrator and asks
 *   the legal representative; a SECOND browser context, as the legal representative, opens the
 *   link, verifies and confirms; the operator's page then shows the enterprise activated;
 * - the super administrator checked against the ID registry and confirmed by an SMS code;
 * - the letter path: template download, the reviewer's desk (审核台) rejects with a reason, the
 *   operator sees it and re-uploads, the reviewer approves;
 * - 腾讯云企业快速认证 and its refusal;
 * - an unreadable picture asks for a retake; a government organisation is offered only the letter.
 *
 * Each browser context runs its own in-browser sandbox (state in that context's localStorage,
 * key `inkseal.sandbox.v1`): the embedded sandbox is per device. To let two devices share one
 * backend, the test copies that key from one context to the other at the moments a real backend
 * would be shared (after the operator sent the link; after the legal representative decided).
 * That stands in for the shared server.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import fs from 'fs'
import os from 'os'
import path from 'path'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { DEMO_PEOPLE } from '@sandbox/core/demoData'
import { DEMO_LICENSES } from '@sandbox/enterprise/enterpriseDemo'
import { samplePng } from '@sandbox/enterprise/enterpriseSamples'
import { SANDBOX_STORAGE_KEY } from '@sandbox'
import { decodePng } from '../__tests__/domain/enterprise/pngDecode'
import { fill, newPhone, startH5, tap, type H5Harness } from './support/browser'
import { readSmsCode, verifyIdentity } from './support/journey'

jest.setTimeout(180_000)

let h5: H5Harness

beforeAll(async () => {
  h5 = await startH5()
})

afterAll(async () => {
  await h5?.close()
})

const OPERATOR = DEMO_PEOPLE.LI_SI
const ADMIN = DEMO_PEOPLE.ZHAO_MIN
const STANDARD = DEMO_LICENSES.STANDARD
const ZHOU = STANDARD.legalRep

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-ent-'))

/** A JPEG drawn by the browser, with the sandbox's demo marker in a COM segment. */
async function markedJpeg(page: Page, marker: string): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 480
    c.height = 320
    const g = c.getContext('2d') as CanvasRenderingContext2D
    g.fillStyle = '#fbf7ee'
    g.fillRect(0, 0, 480, 320)
    g.strokeStyle = '#c8102e'
    g.lineWidth = 6
    g.strokeRect(10, 10, 460, 300)
    g.fillStyle = '#3a3a3a'
    for (let i = 0; i < 7; i++) g.fillRect(40, 110 + i * 24, 120 + ((i * 53) % 200), 10)
    return c.toDataURL('image/jpeg', 0.9).split(',')[1]
  })
  const jpg = Buffer.from(b64, 'base64')
  expect([...jpg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  const text = Buffer.from(marker, 'latin1')
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]), text])
  return Buffer.concat([jpg.subarray(0, 2), com, jpg.subarray(2)])
}

/**
 * Opens the enterprise page from the home page's entry, then reloads it: H5 keeps the home page
 * (hidden) in the DOM after navigateTo, and its SMS notice would match the helpers' locators too.
 */
async function openEnterprise(page: Page): Promise<void> {
  await page.goto(h5.baseUrl + '/')
  await page.locator('[data-testid="home-enterprise"]').click()
  await page.locator('.page-title__text', { hasText: '企业认证' }).waitFor()
  expect(page.url()).toContain('#/packages/enterprise/pages/index/index')
  await page.reload()
  await page.locator('.page-title__text', { hasText: '企业认证' }).waitFor()
}

/** Verifies the operator and starts an application. */
async function startApplication(page: Page, logs: string[]): Promise<number> {
  await openEnterprise(page)
  await verifyIdentity(page, OPERATOR)
  await page.locator('[data-testid="ent-begin"]').waitFor()
  await page.waitForTimeout(300)
  const baseline = consoleErrors(logs).length
  await page.locator('[data-testid="ent-begin"]').click()
  await page.locator('[data-testid="step-license"]').waitFor()
  return baseline
}

/** Picks a licence picture through the file chooser (privacy consent the first time). */
async function pickLicence(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await tap(page, '从相册选择')
  const popup = page.locator('[data-testid="privacy-popup"]')
  if (await popup.isVisible().catch(() => false)) await tap(page, '同意并继续')
  else {
    // The popup may appear a moment after the tap.
    await Promise.race([popup.waitFor({ timeout: 1500 }).then(() => tap(page, '同意并继续')), chooser]).catch(() => undefined)
  }
  await (await chooser).setFiles(file)
}

/** Fills a Taro <Textarea> by its test id. */
async function fillArea(page: Page, testId: string, value: string): Promise<void> {
  const area = page.locator(`[data-testid="${testId}"] textarea`)
  await area.fill(value)
  await area.blur()
}

/** The code in the sandbox's SMS notice now (to tell a new one from it). */
async function shownCode(page: Page): Promise<string | undefined> {
  const notice = page.locator('[data-testid="sandbox-sms"]')
  return /(\d{6})/.exec((await notice.count()) ? await notice.innerText() : '')?.[1]
}

/** Asks for a code with the button `testId`, and returns the new code the sandbox sent. */
async function newCode(page: Page, testId: string): Promise<string> {
  const before = await shownCode(page)
  await page.locator(`[data-testid="${testId}"]`).click()
  return readSmsCode(page, before)
}

/** Confirms the licence, names the administrator, who confirms with the code sent to their mobile. */
async function confirmAndSetAdmin(page: Page): Promise<void> {
  await page.locator('[data-testid="confirm-license"]').click()
  await page.locator('[data-testid="step-admin"]').waitFor()
  await fill(page, 'admin-name', ADMIN.name)
  await fill(page, 'admin-idNumber', ADMIN.idNumber)
  await fill(page, 'admin-mobile', ADMIN.mobile)
  await fill(page, 'admin-code', await newCode(page, 'admin-send-code'))
  await page.locator('[data-testid="save-admin"]').click()
  await page.locator('[data-testid="step-method"]').waitFor()
}

/**
 * Console errors. The shared face step (src/components/FaceStep.tsx) logs one Taro H5 render
 * error ("insertBefore", a taro-button-core whose `loading` and text change together) when it
 * starts; pages/verify does the same. Tests compare against the count after verification.
 */
function consoleErrors(lines: string[]): string[] {
  return lines.filter((l) => l.startsWith('error'))
}

async function sandboxState(page: Page): Promise<string> {
  const s = await page.evaluate((k) => localStorage.getItem(k), SANDBOX_STORAGE_KEY)
  if (!s) throw new Error('no sandbox state in this context')
  return s
}

describe('enterprise onboarding (H5)', () => {
  test('legal-representative path across two devices: upload, confirm, link + QR, the legal representative confirms, the operator sees it activated', async () => {
    const op = await newPhone(h5.browser)
    const { page } = op
    const opBaseline = await startApplication(page, op.console)

    // The licence: a JPG from the file chooser, with the demo marker of 北京墨印科技有限公司.
    const jpg = await markedJpeg(page, 'INKSEAL-DEMO:LICENSE:STANDARD')
    await pickLicence(page, { name: '营业执照.jpg', mimeType: 'image/jpeg', buffer: jpg })
    await page.locator('[data-testid="step-confirm"]').waitFor({ timeout: 20_000 })
    expect(await page.locator('[data-testid="upload-status"]').count()).toBe(0) // progress is on the licence step
    expect(await page.locator('[data-testid="lic-name"] input').inputValue()).toBe(STANDARD.fields.name)
    expect(await page.locator('[data-testid="lic-creditCode"] input').inputValue()).toBe(STANDARD.fields.creditCode)
    expect(await page.locator('[data-testid="lic-legalRepresentative"] input').inputValue()).toBe('周明远')
    expect(await page.locator('.ent-field--low').count()).toBe(0)

    // A wrong credit code is refused at the confirm step (GB 32100), then corrected.
    await fill(page, 'lic-creditCode', '91110108MA01W8KX3K')
    await page.locator('[data-testid="confirm-license"]').click()
    await expect(page.locator('[data-testid="error-lic-creditCode"]').innerText()).resolves.toContain('校验位')
    await fill(page, 'lic-creditCode', STANDARD.fields.creditCode)
    await confirmAndSetAdmin(page)

    // Legal representative: the operator enters the code and the legal representative's details.
    await expect(page.locator('[data-testid="method-tabs"]').innerText()).resolves.toContain('法定代表人授权')
    await fill(page, 'lr-creditCode', STANDARD.fields.creditCode)
    await fill(page, 'lr-name', ZHOU.name)
    await fill(page, 'lr-idNumber', ZHOU.idNumber)
    await fill(page, 'lr-mobile', ZHOU.mobile)
    await page.locator('[data-testid="send-legal-rep"]').click()
    const pending = page.locator('[data-testid="legal-rep-pending"]')
    await pending.waitFor({ timeout: 15_000 })
    expect(await pending.innerText()).toContain('137****2345')
    const link = (await page.locator('[data-testid="legal-rep-link"]').innerText()).trim()
    expect(link).toMatch(/^http:\/\/[^/]+\/s\/1\.L\.[A-Z2-9]{8}\.[0-9A-Za-z]{8}\.[0-9a-z]+\.[0-9A-Za-z]$/)
    // The SMS the sandbox "sent" carries the same link.
    await page.locator('[data-testid="sandbox-sms"]', { hasText: link }).waitFor()
    // The QR code on the page decodes to the link.
    const src = (await page.locator('[data-testid="legal-rep-qr"] img').getAttribute('src')) as string
    const png = decodePng(Uint8Array.from(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64')))
    expect(jsQR(png.rgba, png.width, png.height)?.data).toBe(link)

    // The second device: the legal representative. It gets the backend state as it is now.
    const rep = await newPhone(h5.browser)
    await rep.page.goto(h5.baseUrl + '/#/pages/dev/index')
    await rep.page.evaluate(([k, v]) => localStorage.setItem(k, v), [SANDBOX_STORAGE_KEY, await sandboxState(page)])
    await rep.page.goto(link)
    const info = rep.page.locator('[data-testid="auth-info"]')
    await info.waitFor({ timeout: 15_000 })
    expect(await info.innerText()).toContain('北京墨印科技有限公司')
    expect(await info.innerText()).toContain('周**')
    await verifyIdentity(rep.page, ZHOU)
    const request = rep.page.locator('[data-testid="auth-request"]')
    await request.waitFor({ timeout: 15_000 })
    await rep.page.waitForTimeout(300)
    const repBaseline = consoleErrors(rep.console).length
    const text = await request.innerText()
    expect(text).toContain('赵*')
    expect(text).toContain('3301**********002X')
    expect(text).not.toContain(ADMIN.idNumber)
    expect(text).not.toContain(ADMIN.mobile)
    const before = /(\d{6})/.exec(
      await rep.page
        .locator('[data-testid="sandbox-sms"]')
        .innerText()
        .catch(() => '')
    )?.[1]
    await rep.page.locator('[data-testid="auth-send-code"]').click()
    const code = await readSmsCode(rep.page, before)
    await fill(rep.page, 'auth-code', code)
    await rep.page.locator('[data-testid="auth-confirm"]').click()
    await rep.page.locator('[data-testid="auth-done"]').waitFor({ timeout: 15_000 })
    expect(rep.errors).toEqual([])
    expect(consoleErrors(rep.console).slice(repBaseline)).toEqual([])

    // Back on the operator's phone with the shared state: it resumes on the status page, activated.
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SANDBOX_STORAGE_KEY, await sandboxState(rep.page)])
    await page.reload()
    const done = page.locator('[data-testid="ent-activated"]')
    await done.waitFor({ timeout: 15_000 })
    expect(await page.locator('[data-testid="ent-status-label"]').innerText()).toBe('已认证')
    expect(await page.locator('[data-testid="ent-history"]').innerText()).toContain('法定代表人 周** 已授权')
    expect(op.errors).toEqual([])
    // (the reload started a fresh console: nothing from the face step there)
    expect(consoleErrors(op.console).slice(opBaseline)).toEqual([])

    // Only masked identity data stays on either device.
    for (const p of [page, rep.page]) {
      const stored = await p.evaluate(() => JSON.stringify({ ...localStorage }))
      for (const secret of [OPERATOR.idNumber, OPERATOR.mobile, ADMIN.idNumber, ADMIN.mobile, ZHOU.idNumber, ZHOU.mobile]) {
        expect(stored).not.toContain(secret)
      }
    }
    await rep.context.close()
    await op.context.close()
  })

  test('letter path: the administrator is checked and confirms by SMS; the template downloads; a reviewer rejects with a reason, the operator resubmits, the reviewer approves', async () => {
    const { page, context, errors, console: logs } = await newPhone(h5.browser)
    const baseline = await startApplication(page, logs)
    await page.locator('[data-testid="sample-REJECT_FIRST"]').click()
    await page.locator('[data-testid="step-confirm"]').waitFor({ timeout: 20_000 })
    expect(await page.locator('[data-testid="lic-name"] input').inputValue()).toBe('广州南沙远航物流有限公司')

    // An administrator whose name disagrees with the ID registry: refused under the name, no code sent.
    await page.locator('[data-testid="confirm-license"]').click()
    await page.locator('[data-testid="step-admin"]').waitFor()
    await fill(page, 'admin-name', '赵明')
    await fill(page, 'admin-idNumber', ADMIN.idNumber)
    await fill(page, 'admin-mobile', ADMIN.mobile)
    await page.locator('[data-testid="admin-send-code"]').click()
    await expect(page.locator('[data-testid="admin-name-error"]').innerText()).resolves.toBe('超级管理员的姓名与身份证号不一致，请核对后重试')
    // A wrong code is refused with its message; the typed details stay.
    await fill(page, 'admin-name', ADMIN.name)
    const code = await newCode(page, 'admin-send-code')
    await fill(page, 'admin-code', code === '000000' ? '111111' : '000000')
    await page.locator('[data-testid="save-admin"]').click()
    await expect(page.locator('[data-testid="admin-code-error"]').innerText()).resolves.toContain('验证码错误')
    expect(await page.locator('[data-testid="admin-idNumber"] input').inputValue()).toBe(ADMIN.idNumber)
    await fill(page, 'admin-code', code)
    await page.locator('[data-testid="save-admin"]').click()
    await page.locator('[data-testid="step-method"]').waitFor()
    await page.locator('[data-testid="method-LETTER"]').click()

    await page.locator('[data-testid="view-template"]').click()
    await expect(page.locator('[data-testid="template-text"]').innerText()).resolves.toContain('兹授权 赵敏')
    const download = page.waitForEvent('download')
    await page.locator('[data-testid="download-template"]').click()
    const pdfPath = path.join(tmp, 'template.pdf')
    await (await download).saveAs(pdfPath)
    const pdf = fs.readFileSync(pdfPath)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    // Upload the (unsigned) template as the letter: a real PDF, accepted by type.
    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-testid="pick-letter"]').click()
    await tap(page, '同意并继续') // first album/file use on this device: privacy consent
    await (await chooser).setFiles({ name: '授权书.pdf', mimeType: 'application/pdf', buffer: pdf })
    const review = page.locator('[data-testid="letter-review"]')
    await review.waitFor({ timeout: 15_000 })
    expect(await page.locator('[data-testid="ent-status-label"]').innerText()).toBe('授权书审核中')
    expect(await page.locator('[data-testid="letter-outcome"]').innerText()).toBe('审核中')

    // The reviewer's desk (the sandbox's operations role): the letter waits there.
    await page.locator('[data-testid="open-review-desk"]').click()
    await page.locator('[data-testid="review-item"]', { hasText: '广州南沙远航物流有限公司' }).waitFor({ timeout: 15_000 })
    await page.locator('[data-testid="review-open"]').first().click()
    await expect(page.locator('[data-testid="review-letter"]').innerText()).resolves.toContain('PDF 授权书')
    // The reviewer opens the PDF itself: the same bytes the operator uploaded.
    const viewed = page.waitForEvent('download')
    await page.locator('[data-testid="review-open-pdf"]').click()
    const viewedPath = path.join(tmp, 'reviewed.pdf')
    await (await viewed).saveAs(viewedPath)
    expect(fs.readFileSync(viewedPath).equals(pdf)).toBe(true)
    await fillArea(page, 'review-reason', '未盖章')
    await page.locator('[data-testid="review-reject"]').click()
    await expect(page.locator('[data-testid="review-reason-error"]').innerText()).resolves.toContain('5–200')
    const reason = '授权书未加盖企业公章，请盖章后重新上传'
    await fillArea(page, 'review-reason', reason)
    await page.locator('[data-testid="review-reject"]').click()
    await expect(page.locator('[data-testid="review-decided"]').innerText()).resolves.toContain(`已驳回：${reason}`)

    // Back on the operator's page: the reason, and a re-upload with nothing to retype.
    await page.goBack()
    const rejected = page.locator('[data-testid="letter-rejected"]')
    await rejected.waitFor({ timeout: 15_000 })
    expect(await rejected.innerText()).toContain(reason)
    expect(await page.locator('[data-testid="letter-outcome"]').innerText()).toBe(`已驳回：${reason}`)
    const again = page.waitForEvent('filechooser')
    await page.locator('[data-testid="pick-letter"]').click()
    await (await again).setFiles({ name: '授权书-已盖章.png', mimeType: 'image/png', buffer: Buffer.from(samplePng('LETTER')) })
    await review.waitFor({ timeout: 15_000 })

    await page.locator('[data-testid="open-review-desk"]').click()
    await page.locator('[data-testid="review-item"]', { hasText: '待审核 · 第 2 次提交' }).waitFor({ timeout: 15_000 })
    await page.locator('[data-testid="review-open"]').first().click()
    await page.locator('img[src^="data:image/png;base64,"]').first().waitFor() // the stamped letter, shown
    await page.locator('[data-testid="review-approve"]').click()
    await expect(page.locator('[data-testid="review-decided"]').innerText()).resolves.toContain('已通过')
    await page.goBack()
    await page.locator('[data-testid="ent-activated"]').waitFor({ timeout: 15_000 })
    const history = await page.locator('[data-testid="ent-history"]').innerText()
    expect(history).toContain('授权书审核未通过')
    expect(history).toContain('重新提交授权书')
    expect(history).toContain('授权书审核通过')
    expect(errors).toEqual([])
    expect(consoleErrors(logs).slice(baseline)).toEqual([])
    await context.close()
  })

  test('腾讯云企业快速认证: the operator confirms the name the cloud account holds with their own code; someone without a cloud enterprise is refused', async () => {
    const { page, context, errors } = await newPhone(h5.browser)
    await openEnterprise(page)
    const WU = DEMO_PEOPLE.WU_HAO
    await verifyIdentity(page, WU)
    await page.locator('[data-testid="ent-begin"]').click()
    await page.locator('[data-testid="cloud-lookup"]').click()
    await expect(page.locator('[data-testid="cloud-name"]').innerText()).resolves.toBe('南京青禾数据科技有限公司')
    await fill(page, 'cloud-code', await newCode(page, 'cloud-send-code'))
    await page.locator('[data-testid="cloud-confirm"]').click()
    await page.locator('[data-testid="ent-activated"]').waitFor({ timeout: 15_000 })
    expect(await page.locator('[data-testid="ent-status"]').innerText()).toContain('腾讯云企业快速认证')
    expect(errors).toEqual([])
    await context.close()

    const other = await newPhone(h5.browser)
    await startApplication(other.page, other.console)
    await other.page.locator('[data-testid="cloud-lookup"]').click()
    await expect(other.page.locator('[data-testid="cloud-error"]').innerText()).resolves.toContain('腾讯云账号下没有已完成认证的企业')
    await other.page.locator('[data-testid="sample-STANDARD"]').waitFor() // the licence path stays open
    await other.context.close()
  })

  test('an unreadable picture asks for a retake; a government organisation is offered only the letter', async () => {
    const { page, context, errors, console: logs } = await newPhone(h5.browser)
    const baseline = await startApplication(page, logs)
    await pickLicence(page, { name: 'blurred.png', mimeType: 'image/png', buffer: Buffer.from(samplePng('BLURRED')) })
    const failure = page.locator('[data-testid="ocr-failure"]')
    await failure.waitFor({ timeout: 15_000 })
    expect(await failure.innerText()).toContain('模糊')
    await expect(page.locator('[data-testid="step-license"]').innerText()).resolves.toContain('重新拍摄')

    // A GIF named .png is a picture the browser shows, but not a PNG or JPG: refused on the
    // device by its bytes, before anything is sent.
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
    await pickLicence(page, { name: 'license.png', mimeType: 'image/png', buffer: gif })
    await page.locator('[data-testid="upload-status"]', { hasText: 'PNG、JPG' }).waitFor()

    await pickLicence(page, { name: 'gov.png', mimeType: 'image/png', buffer: Buffer.from(samplePng('GOVERNMENT')) })
    await page.locator('[data-testid="step-confirm"]').waitFor({ timeout: 15_000 })
    await expect(page.locator('[data-testid="lic-orgKind-GOVERNMENT"]').getAttribute('class')).resolves.toContain('ent-segment--on')
    await confirmAndSetAdmin(page)
    await expect(page.locator('[data-testid="letter-only"]').innerText()).resolves.toContain('党政机关只能通过上传授权书')
    expect(await page.locator('[data-testid="method-LETTER"]').count()).toBe(1)
    expect(await page.locator('[data-testid="method-LEGAL_REP"]').count()).toBe(0)
    expect(await page.locator('[data-testid="legal-rep-form"]').count()).toBe(0)
    await page.locator('[data-testid="letter-upload"]').waitFor()
    expect(errors).toEqual([])
    expect(consoleErrors(logs).slice(baseline)).toEqual([])
    await context.close()
  })

  test('the low-confidence fields of a licence are highlighted for the operator to check', async () => {
    const { page, context, console: logs } = await newPhone(h5.browser)
    await startApplication(page, logs)
    await page.locator('[data-testid="sample-LOW_CONFIDENCE"]').click()
    await page.locator('[data-testid="step-confirm"]').waitFor({ timeout: 15_000 })
    await page.locator('[data-testid="low-confidence-hint"]').waitFor()
    await expect(page.locator('[data-testid="row-creditCode"]').getAttribute('class')).resolves.toContain('ent-field--low')
    await expect(page.locator('[data-testid="row-address"]').getAttribute('class')).resolves.toContain('ent-field--low')
    await expect(page.locator('[data-testid="row-name"]').getAttribute('class')).resolves.not.toContain('ent-field--low')
    await context.close()
  })
})
