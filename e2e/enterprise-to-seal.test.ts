/**
 * From onboarding to a sealed contract, on the built H5 app (embedded sandbox) in Chromium:
 * a new enterprise is onboarded through the onboarding pages (support/onboarding.ts); its super
 * administrator opens 企业管理, creates a 合同专用章 (drawn from the registered name), adds two
 * employees (an invalid ID refused first, nothing typed lost) and authorises one; the developer
 * panel makes a contract for each; the authorised employee seals it and the flow completes; the
 * other employee is told to ask the administrator.
 *
 * Phones are separate browser contexts; the embedded sandbox is per context, so each new phone
 * gets the sandbox state of the previous one (support/onboarding.ts: phoneWithStateOf).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import type { Page } from 'playwright-core'
import { DEMO_PEOPLE } from '@sandbox/core/demoData'
import { DEMO_LICENSES } from '@sandbox/enterprise/enterpriseDemo'
import { fill, startH5, tap, type AppPage, type H5Harness } from './support/browser'
import { verifyIdentity, type Person } from './support/journey'
import { codeTo, onboardEnterprise, phoneWithStateOf } from './support/onboarding'
import { confirmIntentByFace, expectNoErrors, remainingText, tapNextField } from './support/signing'

jest.setTimeout(240_000)

let h5: H5Harness
beforeAll(async () => {
  h5 = await startH5()
})
afterAll(async () => {
  await h5?.close()
})

const STANDARD = DEMO_LICENSES.STANDARD
const NAME = STANDARD.fields.name
const ADMIN = DEMO_PEOPLE.ZHAO_MIN
const EMPLOYEE = DEMO_PEOPLE.ZHANG_SAN
const OTHER = DEMO_PEOPLE.CHEN_CHEN

function svgOf(src: string): string {
  return Buffer.from(src.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8')
}

async function addMember(page: Page, p: Person): Promise<void> {
  await fill(page, 'org-member-name', p.name)
  await fill(page, 'org-member-idNumber', p.idNumber)
  await fill(page, 'org-member-mobile', p.mobile)
  await page.locator('[data-testid="org-member-add"]').click()
  await page.locator('[data-testid="org-member"]', { hasText: `${p.name[0]}*` }).waitFor({ timeout: 15_000 })
}

/** From the developer panel to its 企业印章合同 page, with the enterprises listed. */
async function openOrgDev(page: Page): Promise<void> {
  await page.goto(`${h5.baseUrl}/#/pages/dev/index`)
  await page.locator('[data-testid="dev-org-contracts"]').click()
  await page.locator('[data-testid="dev-org"]', { hasText: NAME }).click()
}

/** On that page: a contract for a member; its entry link. */
async function contractFor(page: Page, maskedName: string): Promise<string> {
  const button = page.locator('[data-testid="dev-org-contract"]', { hasText: `为${maskedName}生成待盖章合同` })
  await button.waitFor({ timeout: 15_000 })
  const link = page.locator('[data-testid="dev-org-link"]')
  const before = (await link.count()) ? (await link.innerText()).trim() : ''
  await button.click()
  // a new link replaces the one shown before
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline && (!(await link.count()) || (await link.innerText()).trim() === before)) await page.waitForTimeout(200)
  const url = (await link.innerText()).trim()
  expect(url).toMatch(/^http:\/\/[^/]+\/s\/1\.S\./)
  return url
}

/** A signer opens the contract link, verifies and opens the reader. */
async function openAs(phone: AppPage, link: string, who: Person): Promise<void> {
  const { page } = phone
  await page.goto(link)
  await page.locator('[data-testid="entry-ready"]').waitFor({ timeout: 15_000 })
  await tap(page, '实名认证后签署')
  await verifyIdentity(page, who, codeTo(page, who.mobile))
  await page.locator('[data-testid="overview-ready"]').waitFor({ timeout: 15_000 })
  await page.locator('[data-testid="overview-open-contract"]').click()
  await page.locator('[data-testid="contract-ready"]').waitFor({ timeout: 15_000 })
  await page.locator('[data-testid="contract-page"]').first().waitFor()
}

describe('an enterprise onboarded in the app seals a contract', () => {
  test('onboard, create and authorise a 合同专用章, seal a contract; an unauthorised employee cannot', async () => {
    // 1. onboarding: 李四 operates, 赵敏 is the administrator, 周明远 (legal representative) confirms
    const rep = await onboardEnterprise(h5.browser, h5.baseUrl, {
      operator: DEMO_PEOPLE.LI_SI,
      admin: ADMIN,
      licenseKey: 'STANDARD',
      creditCode: STANDARD.fields.creditCode,
      legalRep: STANDARD.legalRep
    })

    // 2. the administrator's phone: verify, then 企业管理 from the home page
    const admin = await phoneWithStateOf(h5.browser, h5.baseUrl, rep.page)
    await rep.context.close()
    const page = admin.page
    await page.goto(`${h5.baseUrl}/#/pages/verify/index`)
    await verifyIdentity(page, ADMIN, codeTo(page, ADMIN.mobile))
    await page.locator('[data-testid="home-org"]').click({ timeout: 20_000 })
    await page.locator('[data-testid="org-item"]', { hasText: NAME }).click()
    await expect(page.locator('[data-testid="org-name"]').innerText()).resolves.toBe(NAME)

    // a 合同专用章: previewed from the data before it is made, then listed
    await page.locator('[data-testid="org-seal-type-CONTRACT"]').click()
    const preview = svgOf((await page.locator('[data-testid="org-seal-preview"] img').getAttribute('src')) as string)
    expect(preview).toContain('合同专用章')
    expect(preview).toContain('墨')
    await page.locator('[data-testid="org-seal-create"]').click()
    const seal = page.locator('[data-testid="org-seal"]', { hasText: '合同专用章' })
    await seal.waitFor({ timeout: 15_000 })
    await expect(page.locator('[data-testid="org-notice"]').first().innerText()).resolves.toBe('已创建合同专用章')
    expect(await page.locator('[data-testid="org-seal-type-CONTRACT"]').count()).toBe(0)

    // employees: an invalid ID is refused on the form and what was typed stays
    await fill(page, 'org-member-name', EMPLOYEE.name)
    await fill(page, 'org-member-idNumber', '110105199003070018')
    await fill(page, 'org-member-mobile', EMPLOYEE.mobile)
    await page.locator('[data-testid="org-member-add"]').click()
    await expect(page.locator('[data-testid="org-member-idNumber-error"]').innerText()).resolves.toMatch(/身份证/)
    expect(await page.locator('[data-testid="org-member-name"] input').inputValue()).toBe(EMPLOYEE.name)
    expect(await page.locator('[data-testid="org-member-mobile"] input').inputValue()).toBe(EMPLOYEE.mobile)
    await addMember(page, EMPLOYEE)
    await addMember(page, OTHER)

    // authorise 张三 on the seal's page
    await seal.click()
    await page.locator('[data-testid="org-seal-detail"]').waitFor()
    const row = page.locator('[data-testid="org-grant-row"]', { hasText: '张*' })
    await row.locator('[data-testid="org-grant"]').click()
    await row.locator('[data-testid="org-grant-state"]', { hasText: '已授权' }).waitFor({ timeout: 15_000 })
    expect(await row.locator('[data-testid="org-revoke"]').count()).toBe(1)
    await expect(page.locator('[data-testid="org-grant-row"]', { hasText: '陈*' }).locator('[data-testid="org-grant-state"]').innerText()).resolves.toBe(
      '未授权'
    )

    // 3. contracts for both employees from the developer panel
    await openOrgDev(page)
    const forEmployee = await contractFor(page, '张*')
    const forOther = await contractFor(page, '陈*')
    expectNoErrors(admin.errors)

    // 4. 张三 seals with the new seal: seal field, date, intent confirmation, completed
    const emp = await phoneWithStateOf(h5.browser, h5.baseUrl, page)
    await admin.context.close()
    await openAs(emp, forEmployee, EMPLOYEE)
    const ep = emp.page
    await ep.locator('[data-testid="sign-submit"]', { hasText: '提交签署' }).waitFor({ timeout: 20_000 })
    for (let i = 0; i < 4 && (await remainingText(ep)) !== '签署区已全部完成'; i++) {
      const id = await tapNextField(ep)
      const type = await ep.locator(`[data-testid="${id}"]`).first().getAttribute('data-type')
      if (type === 'SIGN_SEAL') {
        const picker = ep.locator('[data-testid="seal-picker"]')
        const option = picker.locator('[data-testid="seal-option"]')
        await option.first().waitFor({ timeout: 15_000 })
        expect(await option.count()).toBe(1)
        await expect(option.innerText()).resolves.toContain('合同专用章')
        await expect(option.innerText()).resolves.toContain(NAME)
        await option.click()
        await picker.waitFor({ state: 'detached' })
      }
    }
    expect(await remainingText(ep)).toBe('签署区已全部完成')
    await ep.locator('[data-testid="sign-submit"]').click()
    await confirmIntentByFace(ep)
    await ep.locator('[data-testid="result-ready"]').waitFor({ timeout: 20_000 })
    await expect(ep.locator('[data-testid="result-flow-status"]').innerText()).resolves.toBe('已完成')
    expectNoErrors(emp.errors)

    // 5. 陈晨 is an employee without the seal: the picker tells her to ask the administrator
    const other = await phoneWithStateOf(h5.browser, h5.baseUrl, ep)
    await emp.context.close()
    await openAs(other, forOther, OTHER)
    const op = other.page
    await op.locator('[data-testid="sign-submit"]', { hasText: '提交签署' }).waitFor({ timeout: 20_000 })
    let sawSeal = false
    for (let i = 0; i < 4 && !sawSeal; i++) {
      const id = await tapNextField(op)
      if ((await op.locator(`[data-testid="${id}"]`).first().getAttribute('data-type')) !== 'SIGN_SEAL') continue
      sawSeal = true
      const none = op.locator('[data-testid="seal-picker"] [data-testid="no-seal"]')
      await none.waitFor({ timeout: 15_000 })
      await expect(none.innerText()).resolves.toContain('请联系企业管理员为您授权合同专用章')
      expect(await op.locator('[data-testid="seal-option"]').count()).toBe(0)
    }
    expect(sawSeal).toBe(true)
    expectNoErrors(other.errors)
    await other.context.close()
  })
})
