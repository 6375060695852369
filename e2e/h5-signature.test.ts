/**
 * The handwritten signature pad on the built H5 app in Debian Chromium, driven with the MOUSE
 * (pointer events; Taro's touch props never fire for a mouse): a recorded signature is
 * accepted as a trimmed transparent PNG, a straight line is refused with the reason, undo
 * removes the last stroke, the draft survives a reload, the page is turned on a portrait
 * screen with input mapped back to pad coordinates, and the system signature renders.
 *
 *   INKSEAL_OUT=/tmp/pad-h5 npx taro build --type h5
 *   INKSEAL_H5_DIR=/tmp/pad-h5 npx jest --selectProjects e2e -- e2e/h5-signature.test.ts
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import fs from 'fs'
import path from 'path'
import type { Browser, Page } from 'playwright-core'
import { decodeSignature, type SignatureData } from '@/domain/signature'
import { startH5, tap, type H5Harness } from './support/browser'

jest.setTimeout(90_000)

interface Fixture {
  name: string
  width: number
  height: number
  strokes: [number, number, number][][]
}

const fixture = (name: string): Fixture =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '__tests__', 'fixtures', 'strokes', `${name}.json`), 'utf8')) as Fixture

const LANDSCAPE = { width: 844, height: 390 }
const PORTRAIT = { width: 390, height: 844 }
const PAD = '[data-testid="sign-pad"]'

let h5: H5Harness

beforeAll(async () => {
  h5 = await startH5()
})

afterAll(async () => {
  await h5?.close()
})

interface PadPage {
  page: Page
  errors: string[]
  close(): Promise<void>
}

async function openPad(browser: Browser, viewport: { width: number; height: number }, query = ''): Promise<PadPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2 })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${h5.baseUrl}/#/packages/sign/pages/sign-pad/index${query}`)
  await page.locator(`${PAD}[data-ready="1"]`).waitFor({ timeout: 20_000 })
  return { page, errors, close: () => context.close() }
}

interface CanvasGeometry {
  /** on-screen box of the canvas element (rotated with the page when turned) */
  box: { x: number; y: number; width: number; height: number }
  /** pad size in CSS px (layout size, before any rotation) */
  padWidth: number
  padHeight: number
  turned: boolean
}

async function geometry(page: Page): Promise<CanvasGeometry> {
  const canvas = page.locator('.pad-canvas canvas')
  const box = (await canvas.boundingBox())!
  const size = await canvas.evaluate((c) => ({ w: (c as HTMLCanvasElement).clientWidth, h: (c as HTMLCanvasElement).clientHeight }))
  const turned = (await page.locator('.pad-page--turned').count()) > 0
  return { box, padWidth: size.w, padHeight: size.h, turned }
}

/** Where a fixture point lands on the pad: scaled to fit, centred. */
function fitter(f: Fixture, g: CanvasGeometry) {
  const s = Math.min(g.padWidth / f.width, g.padHeight / f.height)
  const ox = (g.padWidth - f.width * s) / 2
  const oy = (g.padHeight - f.height * s) / 2
  return (x: number, y: number) => ({ x: ox + x * s, y: oy + y * s })
}

/** Pad coordinates to screen coordinates (the page is turned a quarter clockwise when portrait). */
function toScreen(g: CanvasGeometry, p: { x: number; y: number }) {
  return g.turned ? { x: g.box.x + g.box.width - p.y, y: g.box.y + p.x } : { x: g.box.x + p.x, y: g.box.y + p.y }
}

/** Draws the fixture with the mouse: down, a move per recorded sample, up. */
async function drawWithMouse(page: Page, f: Fixture, strokes?: number[]): Promise<{ x: number; y: number }[][]> {
  const g = await geometry(page)
  const fit = fitter(f, g)
  const drawn: { x: number; y: number }[][] = []
  for (const [i, stroke] of f.strokes.entries()) {
    if (strokes && !strokes.includes(i)) continue
    const pad = stroke.map(([x, y]) => fit(x, y))
    const first = toScreen(g, pad[0])
    await page.mouse.move(first.x, first.y)
    await page.mouse.down()
    for (const p of pad.slice(1)) {
      const s = toScreen(g, p)
      await page.mouse.move(s.x, s.y, { steps: 2 })
    }
    await page.mouse.up()
    drawn.push(pad)
  }
  return drawn
}

async function storageItem(page: Page, key: string): Promise<string | null> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key)
  if (raw === null) return null
  // Taro H5 storage wraps values as {"data": value}
  const v = (JSON.parse(raw) as { data?: unknown }).data
  return typeof v === 'string' ? v : null
}

async function draft(page: Page): Promise<SignatureData | null> {
  const raw = await storageItem(page, 'inkseal.signature.draft')
  return raw ? decodeSignature((JSON.parse(raw) as { data: string }).data) : null
}

interface Accepted {
  png: string
  width: number
  height: number
  kind: string
  createdAt: number
}

async function accepted(page: Page): Promise<Accepted | null> {
  const raw = await storageItem(page, 'inkseal.signature.accepted')
  return raw ? (JSON.parse(raw) as Accepted) : null
}

/** Pixels of the pad canvas with any ink. */
async function inkPixels(page: Page): Promise<number> {
  return page.locator('.pad-canvas canvas').evaluate((c) => {
    const el = c as HTMLCanvasElement
    const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data
    let n = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
    return n
  })
}

/** Decodes a PNG data URL in the page: size, corner alpha, share of inked pixels. */
async function inspectPng(page: Page, png: string) {
  return page.evaluate(async (src) => {
    const img = new Image()
    img.src = src
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const d = ctx.getImageData(0, 0, c.width, c.height).data
    let ink = 0
    let opaqueDark = 0
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] > 0) ink++
      if (d[i + 3] > 200 && d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 60) opaqueDark++
    }
    const corners = [0, c.width - 1, (c.height - 1) * c.width, c.height * c.width - 1].map((p) => d[p * 4 + 3])
    // the ink reaches into the margin band? (trimmed: ink near every edge but not on it)
    const rowHasInk = (y: number) => {
      for (let x = 0; x < c.width; x++) if (d[(y * c.width + x) * 4 + 3] > 0) return true
      return false
    }
    let top = 0
    while (top < c.height && !rowHasInk(top)) top++
    return { width: c.width, height: c.height, corners, inkShare: ink / (c.width * c.height), opaqueDark, top }
  }, png)
}

function pngBytes(png: string): number {
  return Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64').length
}

describe('signature pad (H5, mouse)', () => {
  test('a signature drawn with the mouse is accepted on 确定 as a trimmed transparent PNG', async () => {
    const { page, errors, close } = await openPad(h5.browser, LANDSCAPE)
    expect(await page.locator(PAD).innerText()).toContain('手写签名')
    expect(await page.locator(PAD).innerText()).toContain('请在此区域内书写签名')
    // the page does not scroll or select while drawing
    const touchAction = await page.locator('.pad-canvas canvas').evaluate((c) => getComputedStyle(c).touchAction)
    expect(touchAction).toBe('none')

    await drawWithMouse(page, fixture('signature-fast'))
    expect(await inkPixels(page)).toBeGreaterThan(2000)
    expect((await draft(page))?.strokes).toHaveLength(4)
    // the bitmap follows the pixel ratio but stays within 1365 px a side
    const bitmap = await page.locator('.pad-canvas canvas').evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height])
    expect(Math.max(...bitmap)).toBeLessThanOrEqual(1365)

    const before = Date.now()
    await tap(page, '确定')
    await page.locator(PAD).waitFor({ state: 'detached', timeout: 10_000 })
    const sig = (await accepted(page))!
    expect(sig).not.toBeNull()
    expect(sig.kind).toBe('HANDWRITTEN')
    expect(sig.createdAt).toBeGreaterThanOrEqual(before - 5000)
    expect(sig.png.startsWith('data:image/png;base64,')).toBe(true)
    expect(await draft(page)).toBeNull()

    const png = await inspectPng(page, sig.png)
    expect([png.width, png.height]).toEqual([sig.width, sig.height])
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(600)
    expect(png.corners).toEqual([0, 0, 0, 0]) // transparent background
    expect(png.opaqueDark).toBeGreaterThan(1000) // black ink
    expect(png.inkShare).toBeGreaterThan(0.03) // trimmed to the ink, not the whole pad
    expect(png.top).toBeGreaterThan(0) // a margin above the ink
    expect(png.top).toBeLessThan(30)
    const bytes = pngBytes(sig.png)
    console.log(`handwritten signature PNG: ${png.width}x${png.height}, ${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`)
    expect(errors).toEqual([])
    await close()
  })

  test('a single straight line is refused with the reason, nothing is accepted', async () => {
    const { page, errors, close } = await openPad(h5.browser, LANDSCAPE)
    await drawWithMouse(page, fixture('straight-line'))
    await tap(page, '确定')
    const msg = page.locator('[data-testid="pad-message"]')
    await expect(msg.innerText()).resolves.toContain('签名不能只是直线或折线')
    expect(await page.locator(PAD).count()).toBe(1)
    expect(await accepted(page)).toBeNull()

    // an empty pad says so
    await tap(page, '清除')
    await tap(page, '确定')
    await expect(msg.innerText()).resolves.toContain('请先在签名区域内书写签名')
    expect(errors).toEqual([])
    await close()
  })

  test('撤销 removes the last stroke, 清除 removes all', async () => {
    const { page, close } = await openPad(h5.browser, LANDSCAPE)
    await drawWithMouse(page, fixture('signature-slow'))
    const all = await inkPixels(page)
    expect((await draft(page))?.strokes).toHaveLength(10)

    await tap(page, '撤销')
    expect((await draft(page))?.strokes).toHaveLength(9)
    const fewer = await inkPixels(page)
    expect(fewer).toBeLessThan(all)
    expect(fewer).toBeGreaterThan(all * 0.5)

    await tap(page, '清除')
    expect(await draft(page)).toBeNull()
    expect(await inkPixels(page)).toBe(0)
    await close()
  })

  test('the draft survives a reload and can then be confirmed', async () => {
    const { page, close } = await openPad(h5.browser, LANDSCAPE)
    await drawWithMouse(page, fixture('signature-slow'))
    const ink = await inkPixels(page)
    const saved = (await draft(page))!
    await page.reload()
    await page.locator(`${PAD}[data-ready="1"]`).waitFor({ timeout: 20_000 })
    const restored = (await draft(page))!
    expect(restored.strokes).toHaveLength(saved.strokes.length)
    expect(await inkPixels(page)).toBeGreaterThan(ink * 0.9)
    // the hint is gone: there is ink already
    expect(await page.locator(PAD).innerText()).not.toContain('请在此区域内书写签名')
    await tap(page, '确定')
    await page.locator(PAD).waitFor({ state: 'detached', timeout: 10_000 })
    const sig = (await accepted(page))!
    expect(sig.kind).toBe('HANDWRITTEN')
    const bytes = pngBytes(sig.png)
    console.log(`handwritten signature PNG (slow, 10 strokes): ${sig.width}x${sig.height}, ${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`)
    await close()
  })

  test('on a portrait screen the page is turned, mouse input maps back to pad coordinates, turning the phone keeps the drawing', async () => {
    const { page, errors, close } = await openPad(h5.browser, PORTRAIT)
    const g = await geometry(page)
    expect(g.turned).toBe(true)
    // the pad is landscape: its layout width is the screen's height direction
    expect(g.padWidth).toBeGreaterThan(g.padHeight)
    expect(g.box.height).toBeGreaterThan(g.box.width)

    const drawn = await drawWithMouse(page, fixture('signature-fast'))
    const d = (await draft(page))!
    expect(d.width).toBe(g.padWidth)
    // the first point of each stroke is where the mouse went down, in pad coordinates
    d.strokes.forEach((s, i) => {
      expect(Math.abs(s.points[0].x - drawn[i][0].x)).toBeLessThan(1.5)
      expect(Math.abs(s.points[0].y - drawn[i][0].y)).toBeLessThan(1.5)
    })
    // turning the phone to landscape: the page is no longer turned, the drawing is kept
    const inkBefore = await inkPixels(page)
    await page.setViewportSize(LANDSCAPE)
    await page.waitForFunction(() => !document.querySelector('.pad-page--turned'))
    await page.waitForTimeout(400)
    const g2 = await geometry(page)
    expect(g2.box.width).toBeGreaterThan(g2.box.height)
    expect(await inkPixels(page)).toBeGreaterThan(inkBefore * 0.5)

    await tap(page, '确定')
    await page.locator(PAD).waitFor({ state: 'detached', timeout: 10_000 })
    const sig = (await accepted(page))!
    // the signature image is upright and landscape, like the pad
    expect(sig.width).toBeGreaterThan(sig.height)
    expect(errors).toEqual([])
    await close()
  })

  test('the system signature (楷体) is drawn from the bundled font outlines, not a device font, and accepted as a PNG', async () => {
    const { page, errors, close } = await openPad(h5.browser, LANDSCAPE, `?allowSystem=1&name=${encodeURIComponent('张三')}`)
    // the pad page is loaded: what scripts come now are the outline shards the name needs
    await page.waitForLoadState('networkidle')
    const shards: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') shards.push(r.url())
    })
    await page.locator('[data-testid="pad-tab-system"]').click()
    await expect(page.locator('[data-testid="pad-system"]').innerText()).resolves.toContain('张三')
    await page.locator('[data-testid="pad-system-image"]').waitFor({ timeout: 10_000 })
    // only the shards of 张 and 三 are fetched, each once
    expect(shards.length).toBeGreaterThanOrEqual(1)
    expect(shards.length).toBeLessThanOrEqual(2)
    await tap(page, '确定')
    await page.locator(PAD).waitFor({ state: 'detached', timeout: 10_000 })
    const sig = (await accepted(page))!
    expect(sig.kind).toBe('SYSTEM')
    const png = await inspectPng(page, sig.png)
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(600)
    expect(png.width).toBeGreaterThan(png.height)
    expect(png.corners).toEqual([0, 0, 0, 0])
    expect(png.opaqueDark).toBeGreaterThan(500)
    const bytes = pngBytes(sig.png)
    console.log(`system signature PNG: ${png.width}x${png.height}, ${(bytes / 1024).toFixed(1)} KB`)
    expect(errors).toEqual([])
    await close()
  })
})
