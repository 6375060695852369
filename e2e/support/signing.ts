import { expect } from '@jest/globals'
import type { Page } from 'playwright-core'
import { tap } from './browser'
import { demoLink, verifyIdentity, type Person } from './journey'

export const READER = '[data-testid="contract-scroll"]'

/** Opens a demo link, verifies the person and opens the contract reader from the overview. */
export async function openContractAs(page: Page, baseUrl: string, linkLabel: string, person: Person): Promise<void> {
  const link = await demoLink(page, baseUrl, linkLabel)
  await page.goto(link)
  await page.locator('[data-testid="entry-ready"]').waitFor()
  await tap(page, '实名认证后签署')
  await verifyIdentity(page, person)
  await page.locator('[data-testid="overview-ready"]').waitFor({ timeout: 15_000 })
  await page.locator('[data-testid="overview-open-contract"]').click()
  await page.locator('[data-testid="contract-ready"]').waitFor({ timeout: 15_000 })
  await page.locator('[data-testid="contract-page"]').first().waitFor()
}

/** Number of page elements mounted in the reader. */
export function mountedPages(page: Page): Promise<number> {
  return page.locator('[data-testid="contract-ready"] [data-testid="contract-page"]').count()
}

/** Scrolls the reader to its very end (as a finger would), so the last page is fetched. */
export async function scrollReaderToEnd(page: Page): Promise<void> {
  const scroller = page.locator(`[data-testid="contract-ready"] ${READER}`)
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight
  })
  await page.waitForTimeout(300)
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight
  })
}

/** Waits until forced reading is over (the sign button says 提交签署). */
export async function waitReadingDone(page: Page, timeout = 40_000): Promise<void> {
  await page.locator('[data-testid="sign-submit"]', { hasText: '提交签署' }).waitFor({ timeout })
}

export async function remainingText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="remaining"]').innerText()).trim()
}

/**
 * The contract with one handwritten-signature field for the signer: reads it to the end, waits
 * out forced reading, signs that field on the pad and taps 提交签署 (intent confirmation is the
 * caller's).
 */
export async function readSignByHandAndSubmit(page: Page): Promise<void> {
  await scrollReaderToEnd(page)
  await waitReadingDone(page)
  await tapNextField(page)
  await tap(page, '手写签名')
  await drawSignatureOnPad(page)
  await page.locator('[data-testid="remaining"]', { hasText: '签署区已全部完成' }).waitFor({ timeout: 10_000 })
  await page.locator('[data-testid="sign-submit"]').click()
}

/** Jumps to the next field that needs the signer and taps it. Returns its test id. */
export async function tapNextField(page: Page): Promise<string> {
  await page.locator('[data-testid="next-field"]').click()
  const focused = page.locator('[data-testid="contract-ready"] .sign-field--focused, [data-testid="contract-ready"] .sign-paging.sign-field--focused').first()
  await focused.waitFor()
  const id = (await focused.getAttribute('data-testid')) ?? ''
  await page.waitForTimeout(200)
  await focused.click()
  return id
}

/**
 * Writes a cursive, looping signature on the pad with the mouse (down / move / up along a
 * curvy path), then confirms. Handles the H5 pad turned a quarter on a portrait screen.
 */
export async function drawSignatureOnPad(page: Page): Promise<void> {
  await page.locator('[data-testid="sign-pad"][data-ready="1"]').waitFor({ timeout: 20_000 })
  const canvas = page.locator('.pad-canvas canvas')
  const box = (await canvas.boundingBox())!
  const size = await canvas.evaluate((c) => ({ w: (c as HTMLCanvasElement).clientWidth, h: (c as HTMLCanvasElement).clientHeight }))
  const turned = (await page.locator('.pad-page--turned').count()) > 0
  const toScreen = (p: { x: number; y: number }) => (turned ? { x: box.x + box.width - p.y, y: box.y + p.x } : { x: box.x + p.x, y: box.y + p.y })
  const W = size.w
  const H = size.h
  // Two strokes: a run of loops (like 张三 written fast), then a sweeping underline hook.
  const strokes: { x: number; y: number }[][] = []
  const loops: { x: number; y: number }[] = []
  for (let i = 0; i <= 120; i++) {
    const t = i / 120
    const a = t * Math.PI * 2 * 4
    loops.push({ x: W * (0.18 + 0.55 * t) + Math.sin(a) * W * 0.04, y: H * 0.45 - Math.cos(a) * H * 0.16 + Math.sin(t * Math.PI) * H * 0.05 })
  }
  strokes.push(loops)
  const hook: { x: number; y: number }[] = []
  for (let i = 0; i <= 40; i++) {
    const t = i / 40
    hook.push({ x: W * (0.22 + 0.5 * t), y: H * (0.68 + 0.08 * Math.sin(t * Math.PI * 1.5)) })
  }
  strokes.push(hook)
  for (const s of strokes) {
    const first = toScreen(s[0])
    await page.mouse.move(first.x, first.y)
    await page.mouse.down()
    for (const p of s.slice(1)) {
      const q = toScreen(p)
      await page.mouse.move(q.x, q.y, { steps: 2 })
    }
    await page.mouse.up()
  }
  await page.locator('[data-testid="sign-pad"] .pad-btn--primary').click()
  await page.locator('[data-testid="sign-pad"]').waitFor({ state: 'detached', timeout: 15_000 })
}

/** The newest SMS code shown by the sandbox notice (several pages of the stack may show one). */
async function smsCode(page: Page, previous?: string): Promise<string> {
  const notice = page.locator('[data-testid="sandbox-sms"]:visible')
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const texts = await notice.allInnerTexts()
    const code = /(\d{6})/.exec(texts[texts.length - 1] ?? '')?.[1]
    if (code && code !== previous) return code
    await page.waitForTimeout(200)
  }
  throw new Error('the sandbox SMS notice showed no new 6-digit code within 10 s')
}

/** On the intent page: SMS code from the sandbox notice, then 确认签署. */
export async function confirmIntentBySms(page: Page): Promise<void> {
  await page.locator('[data-testid="intent-sms"]').waitFor({ timeout: 15_000 })
  const before = (await page.locator('[data-testid="sandbox-sms"]:visible').allInnerTexts()).pop() ?? ''
  const previous = /(\d{6})/.exec(before)?.[1]
  await page.locator('[data-testid="intent-send-code"]').click()
  const code = await smsCode(page, previous)
  await page.locator('[data-testid="intent-code"] input').fill(code)
  await page.locator('[data-testid="intent-confirm"]').click()
}

/** On the intent page: the simulated face step. */
export async function confirmIntentByFace(page: Page): Promise<void> {
  await page
    .locator('[data-testid="intent-method-FACE"]')
    .click()
    .catch(() => undefined)
  await page.locator('[data-testid="intent-face-start"]').click()
  await page.locator('[data-testid="face-step"]').waitFor()
  await page.locator('[data-testid="face-step"] taro-button-core', { hasText: '开始人脸识别' }).click()
}

/** Every signer-status badge text on the result or detail page. */
export async function signerStatuses(page: Page): Promise<string[]> {
  return (await page.locator('[data-testid="signer-status-badge"]').allInnerTexts()).map((s) => s.trim())
}

/** The 'SIGNED' audit events in the detail page's trail. */
export async function auditSignedCount(page: Page, description: RegExp): Promise<number> {
  const events = page.locator('[data-testid="audit-event"][data-action="SIGNED"]')
  const texts = await events.allInnerTexts()
  return texts.filter((t) => description.test(t)).length
}

export function expectNoErrors(errors: string[]): void {
  expect(errors.filter((e) => !/ResizeObserver/.test(e))).toEqual([])
}
