/**
 * Scan to signed: a personal signer (张三, 房屋租赁合同) from opening the QR link to the result
 * page, driven in the built H5 app the way e2e/h5-signing.test.ts does it, twice: on a fresh
 * phone (real-name verification: form, SMS code, simulated face step) and on a phone that is
 * already verified (a session from verifying through another of 张三's links first, not
 * counted). What the signer does is counted:
 * - taps: every click the driver makes (buttons, fields on the contract, 下一处...)
 * - inputs: text fields filled (name, ID number, mobile, SMS codes)
 * - swipes: scrolls of the contract (forced reading to the last page)
 * - pen strokes on the signature pad
 * - screens: distinct page routes the browser showed (the hash route's path, recorded by a
 *   script installed before the app's: on load, hashchange, popstate and every
 *   history.pushState/replaceState), from the link to the result page.
 */
const path = require('path')
const { OUT, PHONE, serve, launchChromium, dirs } = require('./lib')
const { ZHANG_SAN, Actions, currentRoute, click, demoLink, tapText, verifyIdentity, fill, readSmsCode } = require('./demo')

const LABEL = '房屋租赁合同'
/** Another flow of 张三's, to verify through before the returning-signer journey. */
const OTHER_LABEL = '设备租赁及维护服务总协议'

/** Installed before the app's scripts: every route the page shows, in order. */
function routeRecorder() {
  const KEY = '__benchRoutes'
  const seen = () => JSON.parse(sessionStorage.getItem(KEY) || '[]')
  const note = () => {
    const route = location.hash.replace(/^#/, '').split('?')[0]
    const list = seen()
    if (route && list[list.length - 1] !== route) {
      list.push(route)
      sessionStorage.setItem(KEY, JSON.stringify(list))
    }
  }
  for (const m of ['pushState', 'replaceState']) {
    const orig = history[m]
    history[m] = function (...args) {
      const r = orig.apply(this, args)
      note()
      return r
    }
  }
  addEventListener('hashchange', note)
  addEventListener('popstate', note)
  note()
}

/** Cursive loops then an underline on the pad, with the mouse (as e2e/support/signing.ts). */
async function drawSignature(page, actions) {
  await page.locator('[data-testid="sign-pad"][data-ready="1"]').waitFor({ timeout: 20_000 })
  const canvas = page.locator('.pad-canvas canvas')
  const box = await canvas.boundingBox()
  const size = await canvas.evaluate((c) => ({ w: c.clientWidth, h: c.clientHeight }))
  const turned = (await page.locator('.pad-page--turned').count()) > 0
  const toScreen = (p) => (turned ? { x: box.x + box.width - p.y, y: box.y + p.x } : { x: box.x + p.x, y: box.y + p.y })
  const W = size.w
  const H = size.h
  const loops = []
  for (let i = 0; i <= 120; i++) {
    const t = i / 120
    const a = t * Math.PI * 2 * 4
    loops.push({ x: W * (0.18 + 0.55 * t) + Math.sin(a) * W * 0.04, y: H * 0.45 - Math.cos(a) * H * 0.16 + Math.sin(t * Math.PI) * H * 0.05 })
  }
  const hook = []
  for (let i = 0; i <= 40; i++) {
    const t = i / 40
    hook.push({ x: W * (0.22 + 0.5 * t), y: H * (0.68 + 0.08 * Math.sin(t * Math.PI * 1.5)) })
  }
  for (const s of [loops, hook]) {
    const first = toScreen(s[0])
    await page.mouse.move(first.x, first.y)
    await page.mouse.down()
    for (const p of s.slice(1)) {
      const q = toScreen(p)
      await page.mouse.move(q.x, q.y, { steps: 2 })
    }
    await page.mouse.up()
    actions.record('strokes', 'signature', await currentRoute(page))
  }
  await click(page, '[data-testid="sign-pad"] .pad-btn--primary', actions, '确定 (pad)')
  await page.locator('[data-testid="sign-pad"]').waitFor({ state: 'detached', timeout: 15_000 })
}

/**
 * From opening `link` to the result page, counting. `verified`: the phone already has a session
 * (the entry page then offers 进入合同 instead of 实名认证后签署).
 */
async function signFromLink(page, link, { verified }) {
  const actions = new Actions()
  await page.evaluate(() => sessionStorage.removeItem('__benchRoutes'))
  const t0 = Date.now()

  // The QR link (what the camera opens)
  await page.goto(link)
  await page.locator('[data-testid="entry-ready"]').waitFor({ timeout: 30_000 })
  if (verified) {
    await tapText(page, '进入合同', actions)
  } else {
    await tapText(page, '实名认证后签署', actions)
    await verifyIdentity(page, ZHANG_SAN, actions)
  }
  await page.locator('[data-testid="overview-ready"]').waitFor({ timeout: 20_000 })
  await click(page, '[data-testid="overview-open-contract"]', actions, '查看合同')
  await page.locator('[data-testid="contract-ready"]').waitFor({ timeout: 20_000 })
  await page.locator('[data-testid="contract-page"]').first().waitFor()

  // Forced reading: to the last page (one swipe to the end, as a reader flicks through)
  const scroller = page.locator('[data-testid="contract-ready"] [data-testid="contract-scroll"]')
  for (let i = 0; i < 2; i++) {
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
    await page.waitForTimeout(300)
  }
  actions.record('swipes', 'read to the last page', await currentRoute(page))
  await page.locator('[data-testid="sign-submit"]', { hasText: '提交签署' }).waitFor({ timeout: 60_000 })

  // Every field of this signer: 下一处 → the field → (signature) the pad
  for (let i = 0; i < 8; i++) {
    const remaining = (await page.locator('[data-testid="remaining"]').innerText()).trim()
    if (remaining === '签署区已全部完成') break
    await click(page, '[data-testid="next-field"]', actions, '下一处')
    const focused = page.locator('[data-testid="contract-ready"] .sign-field--focused').first()
    await focused.waitFor()
    await page.waitForTimeout(200)
    const type = await focused.getAttribute('data-type')
    const route = await currentRoute(page)
    await focused.click()
    actions.record('taps', `${type === 'SIGN_SIGNATURE' ? 'signature' : String(type).toLowerCase()} field`, route)
    if (type === 'SIGN_SIGNATURE') {
      const sheet = page.locator('[data-testid="signature-sheet"]')
      const pad = page.locator('[data-testid="sign-pad"]')
      await Promise.race([sheet.waitFor({ timeout: 10_000 }), pad.waitFor({ timeout: 10_000 })])
      if (await sheet.count()) await tapText(page, '手写签名', actions)
      await drawSignature(page, actions)
    }
    await page.waitForTimeout(300)
  }
  await page.locator('[data-testid="remaining"]', { hasText: '签署区已全部完成' }).waitFor({ timeout: 10_000 })

  // Submit, confirm by SMS
  await click(page, '[data-testid="sign-submit"]', actions, '提交签署')
  await page.locator('[data-testid="intent-sms"]').waitFor({ timeout: 15_000 })
  const before = await page
    .locator('[data-testid="sandbox-sms"]')
    .innerText()
    .catch(() => '')
  await click(page, '[data-testid="intent-send-code"]', actions, '获取验证码 (intent)')
  const code = await readSmsCode(page, /(\d{6})/.exec(before)?.[1], /意愿/)
  await fill(page, 'intent-code', code, actions)
  await click(page, '[data-testid="intent-confirm"]', actions, '确认签署')
  await page.locator('[data-testid="result-ready"]').waitFor({ timeout: 20_000 })

  const headline = (await page.locator('[data-testid="result-headline"]').innerText()).trim()
  const wall = Date.now() - t0
  const routes = await page.evaluate(() => JSON.parse(sessionStorage.getItem('__benchRoutes') || '[]'))
  const screens = [...new Set(routes)]
  const acted = new Set(actions.routesActedOn())
  const last = screens[screens.length - 1]
  const passed = screens.filter((r) => !acted.has(r) && r !== last)
  return { actions, routes, screens, passed, headline, wall }
}

const n = (k, what) => `${k} ${what}${k === 1 ? '' : 's'}`
const short = (r) => r.replace(/^\/(packages\/[^/]+\/)?pages\/|\/index$/g, '')

async function run(figures) {
  const section = 'scan to signed'
  const srv = await serve(dirs.inkH5)
  const browser = await launchChromium()
  const journeys = [
    { key: 'first', title: 'new signer', verified: false },
    { key: 'returning', title: 'verified signer', verified: true }
  ]
  try {
    for (const j of journeys) {
      const context = await browser.newContext(PHONE)
      const page = await context.newPage()
      const errors = []
      page.on('pageerror', (e) => errors.push(e.message))
      const link = await demoLink(page, srv.url, LABEL)
      if (j.verified) {
        // The session comes from verifying through another of 张三's links (not counted).
        const other = await demoLink(page, srv.url, OTHER_LABEL)
        await page.goto(other)
        await page.locator('[data-testid="entry-ready"]').waitFor({ timeout: 30_000 })
        await tapText(page, '实名认证后签署')
        await verifyIdentity(page, ZHANG_SAN)
        await page.locator('[data-testid="overview-ready"]').waitFor({ timeout: 20_000 })
      }
      await page.addInitScript(routeRecorder)
      let r
      try {
        r = await signFromLink(page, link, j)
      } catch (e) {
        const shot = path.join(OUT, `journey-${j.key}-failure.png`)
        await page.screenshot({ path: shot }).catch(() => undefined)
        throw new Error(`${j.title}: ${e.message.split('\n')[0]} (screenshot ${shot}; page errors: ${errors.join('; ') || 'none'})`)
      }
      await context.close()
      const { actions, screens, passed } = r
      figures.add({
        section,
        key: `journey.${j.key}.actions`,
        name: `scan to signed, ${j.title}: actions`,
        value: `${n(actions.taps, 'tap')}, ${n(actions.inputs, 'text input')}, ${n(actions.swipes, 'swipe')}, ${n(actions.strokes, 'pen stroke')}`,
        how: `${LABEL} as 张三, ${j.verified ? 'on a phone already verified (session from an earlier verification)' : 'on a fresh phone: real-name verification on the way'}; counted by the bench's own driver (bench/journey.js); taps: ${actions.log
          .filter((l) => l.kind === 'tap')
          .map((l) => l.what)
          .join(' → ')}`,
        raw: actions.log
      })
      figures.add({
        section,
        key: `journey.${j.key}.screens`,
        name: `scan to signed, ${j.title}: screens`,
        value: `${screens.length - passed.length} (${screens.length} distinct routes): ${screens.map((x) => short(x) + (passed.includes(x) ? ' (redirect)' : '')).join(' → ')}`,
        how: `distinct hash routes recorded in the page from the link to the result page (“${r.headline}”); a route left without any action is a redirect, not a screen; ${(r.wall / 1000).toFixed(1)} s wall time incl. the sandbox's simulated delays${errors.length ? `; page errors: ${errors.slice(0, 2).join('; ')}` : ''}`,
        raw: { routes: r.routes, wall: r.wall, errors }
      })
    }
  } finally {
    await browser.close()
    await srv.close()
  }
}

module.exports = { run }
