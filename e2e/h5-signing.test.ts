/**
 * Read and sign, on the built H5 app in Debian Chromium: a personal signer draws a signature
 * with the mouse and signs; an enterprise signer applies seals and a date; a signer declines
 * with a reason; the 200-page contract opens and jumps to its last field with few pages
 * mounted; a submission whose answer is lost once is retried and signs exactly once.
 *
 *   INKSEAL_OUT=/tmp/sign-h5 npx taro build --type h5
 *   INKSEAL_H5_DIR=/tmp/sign-h5 npx jest --selectProjects e2e -- e2e/h5-signing.test.ts
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { spawnSync } from 'child_process'
import { DEMO_PEOPLE } from '@sandbox/core/demoData'
import { newPhone, startH5, tap, type H5Harness } from './support/browser'
import {
  confirmIntentByFace,
  confirmIntentBySms,
  drawSignatureOnPad,
  expectNoErrors,
  mountedPages,
  openContractAs,
  remainingText,
  readSignByHandAndSubmit,
  scrollReaderToEnd,
  signerStatuses,
  tapNextField,
  waitReadingDone
} from './support/signing'

jest.setTimeout(150_000)

let h5: H5Harness

beforeAll(async () => {
  h5 = await startH5()
})

afterAll(async () => {
  await h5?.close()
})

describe('read and sign (H5)', () => {
  test('a personal signer reads to the end, draws a signature with the mouse and signs; the others follow on the result page', async () => {
    const { page, errors, context } = await newPhone(h5.browser)
    await openContractAs(page, h5.baseUrl, '房屋租赁合同', DEMO_PEOPLE.ZHANG_SAN)
    expect(await remainingText(page)).toBe('还需签署 2 处')
    // Forced reading: to the last page before the sign button enables.
    await expect(page.locator('[data-testid="sign-submit"]').innerText()).resolves.toContain('请滑动阅读至合同最后一页')
    // Other signers' fields show whose they are.
    await scrollReaderToEnd(page)
    await waitReadingDone(page)
    await expect(page.locator('[data-testid="contract-ready"] .sign-field--other').first().innerText()).resolves.toContain('待李*签署')

    // Next field → the signature sheet → the pad, drawn with the mouse.
    const first = await tapNextField(page)
    expect(first).toMatch(/^field-PERSNL26-/)
    await page.locator('[data-testid="signature-sheet"]').waitFor()
    await tap(page, '手写签名')
    await drawSignatureOnPad(page)

    // Back in the reader: one handwriting fills both signature fields (ALL_AT_ONCE).
    await page.locator('[data-testid="remaining"]', { hasText: '签署区已全部完成' }).waitFor({ timeout: 10_000 })
    const signed = page.locator('[data-testid="contract-ready"] .sign-field--done[data-type="SIGN_SIGNATURE"] img')
    await signed.first().waitFor()
    expect(await signed.first().getAttribute('src')).toMatch(/^data:image\/png;base64,/)

    await page.locator('[data-testid="sign-submit"]').click()
    await confirmIntentBySms(page)

    await page.locator('[data-testid="result-ready"]').waitFor({ timeout: 20_000 })
    await expect(page.locator('[data-testid="result-headline"]').innerText()).resolves.toMatch(/您已完成签署|签署完成/)
    // The other signer (played by the sandbox ~5 s later) shows up through polling.
    await page.locator('[data-testid="result-flow-status"]', { hasText: '已完成' }).waitFor({ timeout: 20_000 })
    expect(await signerStatuses(page)).toEqual(['已签署', '已签署'])

    // The signed PDF of record downloads from the result page; pdfsig finds its signature valid.
    const download = page.waitForEvent('download', { timeout: 30_000 })
    await page.locator('[data-testid="doc-download"]').click()
    await page.locator('[data-testid="doc-done"], [data-testid="doc-error"]').first().waitFor({ timeout: 30_000 })
    expect((await page.locator('[data-testid="doc-error"]').count()) ? await page.locator('[data-testid="doc-error"]').innerText() : '').toBe('')
    const file = await (await download).path()
    expect(file).toBeTruthy()
    const sig = spawnSync('pdfsig', [file!], { encoding: 'utf8' }).stdout
    expect(sig).toContain('Signature is Valid.')
    expect(sig).toContain('Total document signed')
    await page.locator('[data-testid="doc-done"]').waitFor()
    expectNoErrors(errors)
    await context.close()
  })

  test('an enterprise signer applies the contract seal, the paging seal and the date, confirms by face, and signs', async () => {
    const { page, errors, context } = await newPhone(h5.browser)
    await openContractAs(page, h5.baseUrl, '战略合作框架协议', DEMO_PEOPLE.ZHOU_TING)
    await expect(page.locator('[data-testid="sign-submit"]').innerText()).resolves.toMatch(/请阅读合同 \d+ 秒/)
    await waitReadingDone(page, 25_000)

    // Every field of this signer, in reading order: seals through the picker, the date fills itself.
    for (let i = 0; i < 6 && (await remainingText(page)) !== '签署区已全部完成'; i++) {
      const id = await tapNextField(page)
      const type = await page.locator(`[data-testid="${id}"]`).first().getAttribute('data-type')
      if (type === 'SIGN_SEAL' || type === 'SIGN_PAGING_SEAL') {
        const picker = page.locator('[data-testid="seal-picker"]')
        await picker.waitFor()
        const options = picker.locator('[data-testid="seal-option"]')
        await options.first().waitFor()
        expect(await picker.innerText()).toContain('合同专用章')
        await options.first().click()
        await picker.waitFor({ state: 'detached' })
      } else if (type === 'SIGN_SIGNATURE') {
        await tap(page, '手写签名')
        await drawSignatureOnPad(page)
      }
    }
    expect(await remainingText(page)).toBe('签署区已全部完成')
    // The seal preview is drawn from the seal data; the paging seal shows its slice on each page.
    expect(await page.locator('[data-testid="contract-ready"] [data-testid="paging-slice"]').count()).toBeGreaterThan(0)
    const date = page.locator('[data-testid="contract-ready"] [data-testid="field-date-text"]')
    await date.first().waitFor()
    expect(await date.first().innerText()).toMatch(/^\d{4}年\d{2}月\d{2}日$/)

    await page.locator('[data-testid="sign-submit"]').click()
    await confirmIntentByFace(page)
    await page.locator('[data-testid="result-ready"]').waitFor({ timeout: 20_000 })
    await expect(page.locator('[data-testid="result-headline"]').innerText()).resolves.toMatch(/您已完成签署|签署完成/)
    const mine = page.locator('[data-testid="signer-status-row"]', { hasText: '（我）' })
    await expect(mine.innerText()).resolves.toContain('已签署')
    expectNoErrors(errors)
    await context.close()
  })

  test('a signer declines with a reason (required, at least 5 characters)', async () => {
    const { page, errors, context } = await newPhone(h5.browser)
    await openContractAs(page, h5.baseUrl, '房屋租赁合同', DEMO_PEOPLE.LI_SI)
    await page.locator('[data-testid="open-decline"]').click()
    const sheet = page.locator('[data-testid="decline-sheet"]')
    await sheet.waitFor()
    await page.locator('[data-testid="decline-confirm"]').click()
    await expect(page.locator('[data-testid="decline-error"]').first().innerText()).resolves.toContain('请填写拒签原因')
    await page.locator('[data-testid="decline-reason"] textarea').fill('太短')
    await page.locator('[data-testid="decline-confirm"]').click()
    await expect(page.locator('[data-testid="decline-error"]').first().innerText()).resolves.toContain('至少5个字')
    await page.locator('[data-testid="decline-reason"] textarea').fill('押金金额与双方口头约定不一致，需重新协商')
    await page.locator('[data-testid="decline-confirm"]').click()
    await page.locator('[data-testid="result-ready"]').waitFor({ timeout: 15_000 })
    await expect(page.locator('[data-testid="result-headline"]').innerText()).resolves.toContain('您已拒签本合同')
    await expect(page.locator('[data-testid="result-flow-status"]').innerText()).resolves.toContain('已拒签')
    expect(await signerStatuses(page)).toContain('已拒签')
    expectNoErrors(errors)
    await context.close()
  })

  test('the 200-page contract opens fast, mounts only pages near the viewport and jumps to its last field', async () => {
    const { page, errors, context } = await newPhone(h5.browser)
    await openContractAs(page, h5.baseUrl, '设备租赁及维护服务总协议', DEMO_PEOPLE.ZHANG_SAN)
    await expect(page.locator('[data-testid="page-indicator"]').innerText()).resolves.toContain('第 1 / 200 页')
    expect(await mountedPages(page)).toBeLessThanOrEqual(6)
    await expect(page.locator('[data-testid="sign-submit"]').innerText()).resolves.toMatch(/请阅读合同 \d+ 秒/)

    // 下一处 three times: first page, page 100, then the last page.
    const seen: string[] = []
    for (let i = 0; i < 3; i++) {
      await page.locator('[data-testid="next-field"]').click()
      await page.waitForTimeout(400)
      seen.push((await page.locator('[data-testid="page-indicator"]').innerText()).trim())
      expect(await mountedPages(page)).toBeLessThanOrEqual(6)
    }
    expect(seen[1]).toContain('第 100 / 200 页')
    expect(seen[2]).toMatch(/第 (199|200) \/ 200 页/)
    const last = page.locator('[data-testid="contract-ready"] [data-testid="field-EQPLSE26-last"]')
    await last.waitFor()
    expect(await last.getAttribute('class')).toContain('sign-field--focused')
    // The last page's image arrived (fetched as its range came near).
    await page.locator('[data-testid="contract-ready"] [data-testid="contract-page"][data-page="199"] .sign-page__img').waitFor({ timeout: 10_000 })
    const pagesInDom = await page.locator('[data-testid="contract-page"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-page'))))
    expect(pagesInDom.length).toBeLessThanOrEqual(6)
    expect(Math.min(...pagesInDom)).toBeGreaterThanOrEqual(194)
    // Zoom keeps the place.
    await page.locator('[data-testid="zoom-200"]').click()
    await page.waitForTimeout(400)
    await expect(page.locator('[data-testid="page-indicator"]').innerText()).resolves.toMatch(/第 (199|200) \/ 200 页/)
    expect(await mountedPages(page)).toBeLessThanOrEqual(6)
    expectNoErrors(errors)
    await context.close()
  })

  test('a submission whose answer is lost once is retried and signs exactly once', async () => {
    const { page, errors, context } = await newPhone(h5.browser)
    await page.goto(`${h5.baseUrl}/`)
    // The plan as the app's Taro storage keeps it (H5: {"data": value} in localStorage). The
    // answer is lost 3 times: the app's own retries (withRetry, 3 tries) all fail, the user retries.
    await page.evaluate(() => localStorage.setItem('inkseal.dev.faults', JSON.stringify({ data: JSON.stringify({ submitSigning: { after: 3 } }) })))
    await openContractAs(page, h5.baseUrl, '房屋租赁合同', DEMO_PEOPLE.ZHANG_SAN)
    await readSignByHandAndSubmit(page)
    await confirmIntentBySms(page)

    // The backend committed, the answer was lost: a clear message and a retry button.
    const failed = page.locator('[data-testid="intent-failed"]')
    await failed.waitFor({ timeout: 15_000 })
    expect(await failed.innerText()).toContain('网络连接失败')
    const draft = await page.evaluate(() => {
      const k = Object.keys(localStorage).find((x) => x.startsWith('inkseal.signing.draft.'))
      return k ? (JSON.parse(JSON.parse(localStorage.getItem(k)!).data) as { pending: { idempotencyKey: string } | null }) : null
    })
    expect(draft?.pending?.idempotencyKey).toMatch(/^sg_/)
    await page.locator('[data-testid="retry-submit"]').click()

    await page.locator('[data-testid="result-ready"]').waitFor({ timeout: 20_000 })
    const mine = page.locator('[data-testid="signer-status-row"]', { hasText: '（我）' })
    await expect(mine.innerText()).resolves.toContain('已签署')

    // The audit trail: one signature by 张*, and the document verifies.
    await page.locator('[data-testid="result-detail"]').click()
    await page.locator('[data-testid="audit-trail"]').waitFor({ timeout: 15_000 })
    const signedByMe = await page
      .locator('[data-testid="audit-event"][data-action="SIGNED"]')
      .evaluateAll((els) => els.filter((e) => (e.textContent ?? '').includes('张*')).length)
    expect(signedByMe).toBe(1)
    await page.locator('[data-testid="verify-document"]').click()
    await expect(page.locator('[data-testid="verify-result"]').innerText()).resolves.toContain('文件完整')
    expectNoErrors(errors)
    await context.close()
  })
})
