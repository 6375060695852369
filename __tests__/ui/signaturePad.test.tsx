/**
 * The SignaturePad component mounted with @tarojs/test-utils-react (H5 implementation, jsdom,
 * jest-canvas-mock): it finds its canvas, sizes the bitmap, takes pointer input (mouse) into
 * the drawing core, reports strokes once per stroke, and its handle undoes, clears, checks
 * quality and exports.
 */
import TestUtils from '@tarojs/test-utils-react'
import fs from 'fs'
import path from 'path'
import { createRef } from 'react'
import { SignaturePad, type SignaturePadHandle, type SignaturePadProps } from '@/components/SignaturePad'
import type { PadChange, SignatureData } from '@/domain/signature'

type Fixture = { width: number; height: number; strokes: [number, number, number][][] }
const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'strokes', `${name}.json`), 'utf8')) as Fixture

// jsdom lays nothing out: give canvases the pad's size (800 x 340 CSS px)
const PAD_W = 800
const PAD_H = 340
let rectOverride: DOMRect | null = null
const realRect = HTMLElement.prototype.getBoundingClientRect

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.tagName === 'CANVAS' ? PAD_W : 0
    }
  })
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.tagName === 'CANVAS' ? PAD_H : 0
    }
  })
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    if (this.tagName === 'CANVAS' && rectOverride) return rectOverride
    return realRect.call(this)
  }
})

afterAll(() => {
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientWidth
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientHeight
  HTMLElement.prototype.getBoundingClientRect = realRect
})

const mounted: TestUtils[] = []

afterEach(() => {
  rectOverride = null
  mounted.splice(0).forEach((t) => t.unmout())
})

interface Mounted {
  t: TestUtils
  handle: SignaturePadHandle
  canvas: HTMLCanvasElement
  changes: { change: PadChange; strokes: number }[]
  starts: number
}

async function mountPad(extra: Partial<SignaturePadProps> = {}): Promise<Mounted> {
  const ref = createRef<SignaturePadHandle>()
  const changes: { change: PadChange; strokes: number }[] = []
  const counter = { starts: 0 }
  let ready: () => void = () => undefined
  const isReady = new Promise<void>((r) => (ready = r))
  function Host() {
    return (
      <SignaturePad
        ref={ref}
        canvasId='test-pad'
        onReady={() => ready()}
        onStrokeStart={() => counter.starts++}
        onChange={(d: SignatureData, change: PadChange) => changes.push({ change, strokes: d.strokes.length })}
        {...extra}
      />
    )
  }
  const t = new TestUtils()
  mounted.push(t)
  await t.mount(Host, {})
  await isReady
  const canvas = document.querySelector('#test-pad canvas') as HTMLCanvasElement
  return {
    t,
    handle: ref.current!,
    canvas,
    changes,
    get starts() {
      return counter.starts
    }
  }
}

function pointer(el: Element, type: string, x: number, y: number, t: number) {
  const e = new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0 })
  Object.defineProperty(e, 'pointerId', { value: 1 })
  Object.defineProperty(e, 'pointerType', { value: 'mouse' })
  Object.defineProperty(e, 'timeStamp', { value: t })
  el.dispatchEvent(e)
}

function drawFixture(canvas: HTMLCanvasElement, f: Fixture, toScreen = (x: number, y: number) => ({ x, y })) {
  for (const s of f.strokes) {
    const a = toScreen(s[0][0], s[0][1])
    pointer(canvas, 'pointerdown', a.x, a.y, s[0][2])
    for (const [x, y, t] of s.slice(1)) {
      const p = toScreen(x, y)
      pointer(canvas, 'pointermove', p.x, p.y, t)
    }
    const z = s[s.length - 1]
    const e = toScreen(z[0], z[1])
    pointer(canvas, 'pointerup', e.x, e.y, z[2] + 5)
  }
}

describe('SignaturePad (H5, jsdom)', () => {
  test('finds its canvas, sizes the bitmap and disables touch scrolling', async () => {
    const { canvas, handle, t } = await mountPad()
    expect(t.html()).toContain('taro-canvas-core')
    expect(canvas).not.toBeNull()
    expect(canvas.width).toBe(Math.round(PAD_W * (window.devicePixelRatio || 1)))
    expect(canvas.height).toBe(Math.round(PAD_H * (window.devicePixelRatio || 1)))
    expect(canvas.style.touchAction).toBe('none')
    expect(handle.isEmpty()).toBe(true)
    expect(handle.checkQuality()).toMatchObject({ ok: false, code: 'EMPTY' })
  })

  test('mouse strokes reach the core; the host hears once per stroke, not per move', async () => {
    const m = await mountPad()
    const f = fixture('signature-slow')
    drawFixture(m.canvas, f)
    expect(m.starts).toBe(10)
    expect(m.changes.map((c) => c.change)).toEqual(Array(10).fill('end'))
    expect(m.changes[m.changes.length - 1].strokes).toBe(10)
    const data = m.handle.toData()!
    expect(data.width).toBe(PAD_W)
    // the first point is where the pointer went down (jsdom rounds clientX/Y down to whole px)
    expect(Math.abs(data.strokes[0].points[0].x - f.strokes[0][0][0])).toBeLessThan(1)
    expect(Math.abs(data.strokes[0].points[0].y - f.strokes[0][0][1])).toBeLessThan(1)
    expect(m.handle.checkQuality().ok).toBe(true)
  })

  test('undo, clear and the quality reason for a straight line', async () => {
    const m = await mountPad()
    drawFixture(m.canvas, fixture('signature-fast'))
    expect(m.handle.undo()).toBe(true)
    expect(m.handle.toData()!.strokes).toHaveLength(3)
    expect(m.changes[m.changes.length - 1]).toEqual({ change: 'undo', strokes: 3 })
    m.handle.clear()
    expect(m.handle.isEmpty()).toBe(true)
    expect(m.changes[m.changes.length - 1]).toEqual({ change: 'clear', strokes: 0 })
    drawFixture(m.canvas, fixture('straight-line'))
    const q = m.handle.checkQuality()
    expect(q.ok).toBe(false)
    if (!q.ok) expect(q.message).toBe('签名不能只是直线或折线，请书写您的姓名')
  })

  test('a restored draft is drawn when the canvas is ready; export gives a trimmed PNG', async () => {
    const first = await mountPad()
    drawFixture(first.canvas, fixture('signature-fast'))
    const saved = first.handle.toData()!
    mounted.splice(0).forEach((t) => t.unmout())
    const m = await mountPad({ initialData: saved })
    expect(m.handle.isEmpty()).toBe(false)
    expect(m.handle.toData()!.strokes).toHaveLength(4)
    const img = await m.handle.exportPng()
    expect(img).not.toBeNull()
    expect(img!.png.startsWith('data:image/png')).toBe(true)
    expect(Math.max(img!.width, img!.height)).toBeLessThanOrEqual(600)
    expect(img!.width).toBeGreaterThan(img!.height)
  })

  test('on a page turned a quarter clockwise (H5 portrait), screen points map back to the pad', async () => {
    // the canvas box on screen is the pad turned: PAD_H wide, PAD_W tall
    rectOverride = { left: 0, top: 0, right: PAD_H, bottom: PAD_W, width: PAD_H, height: PAD_W, x: 0, y: 0, toJSON: () => ({}) } as DOMRect
    const m = await mountPad({ quarterTurns: 1 })
    const f = fixture('signature-fast')
    // pad (x, y) is on screen at (PAD_H - y, x)
    drawFixture(m.canvas, f, (x, y) => ({ x: PAD_H - y, y: x }))
    const p = m.handle.toData()!.strokes[0].points[0]
    expect(Math.abs(p.x - f.strokes[0][0][0])).toBeLessThan(1)
    expect(Math.abs(p.y - f.strokes[0][0][1])).toBeLessThan(1)
    expect(m.handle.checkQuality().ok).toBe(true)
  })
})
