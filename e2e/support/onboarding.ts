import { expect } from '@jest/globals'
import type { Browser, Page } from 'playwright-core'
import { SANDBOX_STORAGE_KEY } from '@sandbox'
import { fill, newPhone, type AppPage } from './browser'
import { readSmsCode, verifyIdentity, type Person } from './journey'

/** The embedded sandbox's whole state in a context (its localStorage). */
export async function sandboxState(page: Page): Promise<string> {
  const s = await page.evaluate((k) => localStorage.getItem(k), SANDBOX_STORAGE_KEY)
  if (!s) throw new Error('no sandbox state in this context')
  return s
}

/**
 * A new phone that shares the backend as `from` has it now. The embedded sandbox is per browser
 * context (localStorage); copying its state stands in for a shared server.
 */
export async function phoneWithStateOf(browser: Browser, baseUrl: string, from: Page): Promise<AppPage> {
  const phone = await newPhone(browser)
  await phone.page.goto(baseUrl + '/#/pages/dev/index')
  await phone.page.evaluate(([k, v]) => localStorage.setItem(k, v), [SANDBOX_STORAGE_KEY, await sandboxState(from)])
  // Leave the app, so that the next page loads it afresh on this state (a hash change would not).
  await phone.page.goto('about:blank')
  return phone
}

export interface Onboarding {
  operator: Person
  admin: Person
  /** The demo licence the operator picks (its sample button: `sample-${key}`) */
  licenseKey: string
  creditCode: string
  legalRep: Person
}

/**
 * Onboards an enterprise through the app's onboarding pages by the path the app has today: the
 * operator picks the demo licence, confirms it, names the super administrator (who confirms with
 * the SMS code sent to their mobile) and asks the
 * legal representative, who (on a second phone) verifies and confirms with an SMS code.
 * Returns the legal representative's phone, whose sandbox state has the enterprise activated.
 * Kept in one place so it can follow changes to the onboarding rules.
 */
export async function onboardEnterprise(browser: Browser, baseUrl: string, o: Onboarding): Promise<AppPage> {
  const op = await newPhone(browser)
  const { page } = op
  await page.goto(baseUrl + '/')
  await page.locator('[data-testid="home-enterprise"]').click()
  await page.locator('.page-title__text', { hasText: '企业认证' }).waitFor()
  // H5 keeps the hidden home page in the DOM; a reload leaves the enterprise page alone
  await page.reload()
  await page.locator('.page-title__text', { hasText: '企业认证' }).waitFor()
  await verifyIdentity(page, o.operator)
  await page.locator('[data-testid="ent-begin"]').waitFor({ timeout: 15_000 })
  await page.waitForTimeout(300)
  await page.locator('[data-testid="ent-begin"]').click()
  await page.locator('[data-testid="step-license"]').waitFor()
  await page.locator(`[data-testid="sample-${o.licenseKey}"]`).click()
  await page.locator('[data-testid="step-confirm"]').waitFor({ timeout: 20_000 })
  await page.locator('[data-testid="confirm-license"]').click()
  await page.locator('[data-testid="step-admin"]').waitFor()
  await fill(page, 'admin-name', o.admin.name)
  await fill(page, 'admin-idNumber', o.admin.idNumber)
  await fill(page, 'admin-mobile', o.admin.mobile)
  // The administrator confirms with the code sent to their mobile (it shows in the sandbox's notice).
  const shown = /(\d{6})/.exec(
    await page
      .locator('[data-testid="sandbox-sms"]')
      .innerText()
      .catch(() => '')
  )?.[1]
  await page.locator('[data-testid="admin-send-code"]').click()
  await fill(page, 'admin-code', await readSmsCode(page, shown))
  await page.locator('[data-testid="save-admin"]').click()
  await page.locator('[data-testid="step-method"]').waitFor()
  await fill(page, 'lr-creditCode', o.creditCode)
  await fill(page, 'lr-name', o.legalRep.name)
  await fill(page, 'lr-idNumber', o.legalRep.idNumber)
  await fill(page, 'lr-mobile', o.legalRep.mobile)
  await page.locator('[data-testid="send-legal-rep"]').click()
  await page.locator('[data-testid="legal-rep-pending"]').waitFor({ timeout: 15_000 })
  const link = (await page.locator('[data-testid="legal-rep-link"]').innerText()).trim()

  const rep = await phoneWithStateOf(browser, baseUrl, page)
  await op.context.close()
  await rep.page.goto(link)
  await rep.page.locator('[data-testid="auth-info"]').waitFor({ timeout: 15_000 })
  await verifyIdentity(rep.page, o.legalRep, codeTo(rep.page, o.legalRep.mobile))
  await rep.page.locator('[data-testid="auth-request"]').waitFor({ timeout: 15_000 })
  const before = /(\d{6})/.exec(
    await rep.page
      .locator('[data-testid="sandbox-sms"]')
      .innerText()
      .catch(() => '')
  )?.[1]
  await rep.page.locator('[data-testid="auth-send-code"]').click()
  await fill(rep.page, 'auth-code', await readSmsCode(rep.page, before))
  await rep.page.locator('[data-testid="auth-confirm"]').click()
  await rep.page.locator('[data-testid="auth-done"]').waitFor({ timeout: 15_000 })
  expect(rep.errors).toEqual([])
  return rep
}

/**
 * Reads the code of the newest SMS the sandbox sent to this person's mobile (the notice may still
 * show another person's message when the state came from another phone).
 */
export function codeTo(page: Page, mobile: string): () => Promise<string> {
  const masked = `${mobile.slice(0, 3)}****${mobile.slice(-4)}`
  return async () => {
    const notice = page.locator('[data-testid="sandbox-sms"]:visible', { hasText: masked }).filter({ hasText: /验证码为\d{6}/ })
    await notice.last().waitFor({ timeout: 10_000 })
    const code = /验证码为(\d{6})/.exec(await notice.last().innerText())?.[1]
    if (!code) throw new Error(`no code to ${masked}`)
    return code
  }
}
