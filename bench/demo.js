/**
 * Browser helpers for the sandbox demo, in plain JS (the e2e helpers in e2e/support are
 * TypeScript for jest): demo links from the developer panel, the SMS code from the sandbox
 * notice, real-name verification, and a counter of the signer's own actions.
 */

/** 张三, the demo identity of the personal flows (sandbox/core/demoPeople.ts). */
const ZHANG_SAN = { name: '张三', idNumber: '110105199003070017', mobile: '13810008000' }

/**
 * Counts what the signer does: taps (clicks), text inputs (fields filled), swipes (scrolls)
 * and pen strokes. Every helper below takes one.
 */
class Actions {
  constructor() {
    this.taps = 0
    this.inputs = 0
    this.swipes = 0
    this.strokes = 0
    this.log = []
  }

  record(kind, what, route = '') {
    this[kind]++
    this.log.push({ kind: kind.slice(0, -1), what, route })
  }

  /** Distinct routes on which the signer did something, in order. */
  routesActedOn() {
    return [...new Set(this.log.map((l) => l.route).filter(Boolean))]
  }
}

/** The page's hash route, without the query. */
function currentRoute(page) {
  return page.evaluate(() => location.hash.replace(/^#/, '').split('?')[0]).catch(() => '')
}

async function click(page, selector, actions, what) {
  const route = actions ? await currentRoute(page) : ''
  await page.locator(selector).first().click()
  if (actions) actions.record('taps', what || selector, route)
}

/** Clicks a Taro <Button> by its visible text. */
async function tapText(page, text, actions) {
  const route = actions ? await currentRoute(page) : ''
  await page.locator('taro-button-core', { hasText: text }).first().click()
  if (actions) actions.record('taps', text, route)
}

/** Types into a Taro <Input> (a taro-input-core wrapping a native input). */
async function fill(page, testId, value, actions) {
  const route = actions ? await currentRoute(page) : ''
  const input = page.locator(`[data-testid="${testId}"] input`)
  await input.fill(value)
  await input.blur()
  if (actions) actions.record('inputs', testId, route)
}

/** A demo QR link from the sandbox developer panel, by (part of) its label. */
async function demoLink(page, baseUrl, label) {
  await page.goto(`${baseUrl}/#/pages/dev/index`)
  const card = page.locator('[data-testid="demo-link"]', { hasText: label })
  await card.first().waitFor({ timeout: 30_000 })
  return (await card.first().locator('[data-testid="demo-link-url"]').innerText()).trim()
}

/**
 * The 6-digit code of the newest SMS the sandbox "sent" (shown at the top of the page),
 * different from `previous` and, when given, with text matching `about`.
 */
async function readSmsCode(page, previous, about) {
  const notice = page.locator('[data-testid="sandbox-sms"]')
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    const text = (await notice.count()) ? await notice.first().innerText() : ''
    const code = /(\d{6})/.exec(text)?.[1]
    if (code && code !== previous && (!about || about.test(text))) return code
    await page.waitForTimeout(100)
  }
  throw new Error('the sandbox SMS notice showed no new 6-digit code within 15 s')
}

/** Real-name form, SMS code, simulated face step. */
async function verifyIdentity(page, person, actions) {
  await page.locator('[data-testid="input-name"]').waitFor({ timeout: 20_000 })
  await fill(page, 'input-name', person.name, actions)
  await fill(page, 'input-idNumber', person.idNumber, actions)
  await fill(page, 'input-mobile', person.mobile, actions)
  await click(page, '[data-testid="send-code"]', actions, '获取验证码')
  const code = await readSmsCode(page)
  await fill(page, 'input-smsCode', code, actions)
  await click(page, '[data-testid="verify-submit"]', actions, '提交认证')
  await page.locator('[data-testid="face-step"]').waitFor({ timeout: 20_000 })
  await tapText(page, '开始人脸识别', actions)
}

module.exports = { ZHANG_SAN, Actions, currentRoute, click, tapText, fill, demoLink, readSmsCode, verifyIdentity }
