import { expect } from '@jest/globals'
import type { Page } from 'playwright-core'
import { fill, tap } from './browser'

/** Reads a demo QR link from the sandbox developer panel, by its label. */
export async function demoLink(page: Page, baseUrl: string, label: string): Promise<string> {
  await page.goto(`${baseUrl}/#/pages/dev/index`)
  const card = page.locator('[data-testid="demo-link"]', { hasText: label })
  await card.first().waitFor()
  const link = (await card.first().locator('[data-testid="demo-link-url"]').innerText()).trim()
  expect(link).toMatch(/^http:\/\/localhost:\d+\/s\//)
  return link
}

/** The 6-digit code from the newest SMS the sandbox "sent" (shown at the top of the page). */
export async function readSmsCode(page: Page, previous?: string): Promise<string> {
  const notice = page.locator('[data-testid="sandbox-sms"]')
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const text = (await notice.count()) ? await notice.innerText() : ''
    const code = /(\d{6})/.exec(text)?.[1]
    if (code && code !== previous) return code
    await page.waitForTimeout(200)
  }
  throw new Error('the sandbox SMS notice showed no new 6-digit code within 10 s')
}

export interface Person {
  name: string
  idNumber: string
  mobile: string
}

/**
 * Fills the real-name form, takes the SMS code the sandbox sent, and passes the face step.
 * `code` reads the code elsewhere (HTTP backend: the server's outbox); default: the notice.
 */
export async function verifyIdentity(page: Page, person: Person, code?: () => Promise<string> | string): Promise<void> {
  await page.locator('[data-testid="input-name"]').waitFor()
  await fill(page, 'input-name', person.name)
  await fill(page, 'input-idNumber', person.idNumber)
  await fill(page, 'input-mobile', person.mobile)
  await page.locator('[data-testid="send-code"]').click()
  await page.locator('[data-testid="send-code"]', { hasText: /秒后重发/ }).waitFor()
  await fill(page, 'input-smsCode', code ? await code() : await readSmsCode(page))
  await page.locator('[data-testid="verify-submit"]').click()
  await page.locator('[data-testid="face-step"]').waitFor()
  await tap(page, '开始人脸识别')
}
