/**
 * The WeChat code paths (src/platform/canvas.weapp.ts) under a mockWx `wx` surface: the pad
 * component is mounted with the weapp platform module in place of the H5 one, Taro's canvas
 * APIs are stubbed (selector query answering node + size, window info, offscreen canvas,
 * temp file). Touches carry canvas-relative x/y as WeChat's Canvas 2D events do.
 */
import TestUtils from '@tarojs/test-utils-react'
import fs from 'fs'
import path from 'path'
import { createRef } from 'react'
import { SignaturePad, type SignaturePadHandle } from '@/components/SignaturePad'
import * as weapp from '@/platform/canvas.weapp'

interface FakeNode {
  width: number
  height: number
  transforms: number[][]
  rafs: (() => void)[]
  getContext(type: string): unknown
  requestAnimationFrame(cb: () => void): number
  toDataURL?: (type?: string) => string
}

const mockWx = {
  node: null as FakeNode | null,
  size: { width: 812, height: 330 },
  pixelRatio: 3,
  offscreen: [] as FakeNode[],
  offscreenHasDataUrl: false,
  tempFiles: 0,
  resizeListeners: [] as (() => void)[]
}

function mockCtx(node: FakeNode) {
  const noop = () => undefined
  return {
    fillStyle: '#000',
    font: '',
    textBaseline: '',
    textAlign: '',
    beginPath: noop,
    closePath: noop,
    moveTo: noop,
    lineTo: noop,
    arc: noop,
    fill: noop,
    clearRect: noop,
    fillText: noop,
    scale: noop,
    translate: noop,
    getImageData: (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
    setTransform: (...m: number[]) => void node.transforms.push(m)
  }
}

function mockNode(width = 300, height = 150): FakeNode {
  const node: FakeNode = {
    width,
    height,
    transforms: [],
    rafs: [],
    getContext: () => ctx,
    requestAnimationFrame(cb) {
      node.rafs.push(cb)
      return node.rafs.length
    }
  }
  const ctx = mockCtx(node)
  return node
}

jest.mock('@/platform/canvas', () => jest.requireActual('@/platform/canvas.weapp'))

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const Taro = actual.default
  Taro.getWindowInfo = () => ({ pixelRatio: mockWx.pixelRatio, windowWidth: 844, windowHeight: 390 })
  Taro.createSelectorQuery = () => {
    const q = {
      select: () => q,
      fields: () => q,
      exec: (cb: (res: unknown[]) => void) => setTimeout(() => cb([mockWx.node ? { node: mockWx.node, ...mockWx.size } : null]), 0)
    }
    return q
  }
  Taro.createOffscreenCanvas = (o: { width: number; height: number }) => {
    const n = mockNode(o.width, o.height)
    if (mockWx.offscreenHasDataUrl) n.toDataURL = () => 'data:image/png;base64,T0ZGU0NSRUVO'
    mockWx.offscreen.push(n)
    return n
  }
  Taro.canvasToTempFilePath = () => {
    mockWx.tempFiles++
    return Promise.resolve({ tempFilePath: 'wxfile://tmp/sig.png', errMsg: 'canvasToTempFilePath:ok' })
  }
  Taro.getFileSystemManager = () => ({
    readFile: (o: { encoding: string; success: (r: { data: string }) => void }) => o.success({ data: 'VEVNUEZJTEU=' })
  })
  Taro.onWindowResize = (cb: () => void) => void mockWx.resizeListeners.push(cb)
  Taro.offWindowResize = (cb: () => void) => {
    mockWx.resizeListeners = mockWx.resizeListeners.filter((f) => f !== cb)
  }
  return { __esModule: true, ...actual, default: Taro }
})

type Fixture = { width: number; height: number; strokes: [number, number, number][][] }
const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'strokes', `${name}.json`), 'utf8')) as Fixture

const mounted: TestUtils[] = []
afterEach(() => {
  mounted.splice(0).forEach((t) => t.unmout())
  mockWx.offscreen = []
  mockWx.offscreenHasDataUrl = false
  mockWx.tempFiles = 0
})

async function mountPad() {
  mockWx.node = mockNode()
  const ref = createRef<SignaturePadHandle>()
  let ready: () => void = () => undefined
  const isReady = new Promise<void>((r) => (ready = r))
  const strokes: number[] = []
  function Host() {
    return <SignaturePad ref={ref} canvasId='wx-pad' onReady={() => ready()} onChange={(d) => strokes.push(d.strokes.length)} />
  }
  const t = new TestUtils()
  mounted.push(t)
  await t.mount(Host, {})
  await isReady
  // Taro's <Canvas> on jsdom is <taro-canvas-core id="wx-pad">; touch props are its listeners
  const host = document.getElementById('wx-pad') as HTMLElement
  return { handle: ref.current!, host, node: mockWx.node!, strokes }
}

function touch(el: Element, type: string, touches: { identifier: number; x: number; y: number }[], changed = touches) {
  const e = new Event(type, { bubbles: true })
  Object.assign(e, { touches: type === 'touchend' ? touches.filter((t) => !changed.includes(t)) : touches, changedTouches: changed })
  el.dispatchEvent(e)
}

describe('signature pad on WeChat (canvas.weapp.ts, faked wx)', () => {
  test('the node from the selector query gets a bitmap of pixelRatio x size, capped at 1365 px', async () => {
    const { node } = await mountPad()
    const ratio = Math.min(3, 1365 / 812)
    expect(node.width).toBe(1365)
    expect(node.height).toBe(Math.round(330 * ratio))
    expect(node.transforms[0]).toEqual([ratio, 0, 0, ratio, 0, 0])
  })

  test('canvas touches (x/y relative to the canvas) draw strokes; moves wait for the canvas frame', async () => {
    const { handle, host, node, strokes } = await mountPad()
    const f = fixture('signature-fast')
    for (const s of f.strokes) {
      touch(host, 'touchstart', [{ identifier: 7, x: s[0][0], y: s[0][1] }])
      for (const [x, y] of s.slice(1)) touch(host, 'touchmove', [{ identifier: 7, x, y }])
      // a second finger is ignored
      touch(host, 'touchmove', [
        { identifier: 7, x: s[s.length - 1][0], y: s[s.length - 1][1] },
        { identifier: 8, x: 5, y: 5 }
      ])
      expect(node.rafs.length).toBeGreaterThan(0)
      touch(host, 'touchend', [{ identifier: 7, x: s[s.length - 1][0], y: s[s.length - 1][1] }])
    }
    expect(strokes).toEqual([1, 2, 3, 4])
    const d = handle.toData()!
    expect(d.width).toBe(812)
    expect(d.strokes[0].points[0]).toMatchObject({ x: f.strokes[0][0][0], y: f.strokes[0][0][1] })
    expect(handle.checkQuality().ok).toBe(true)
    // touchcancel ends a stroke too
    touch(host, 'touchstart', [{ identifier: 1, x: 100, y: 100 }])
    touch(host, 'touchcancel', [])
    expect(strokes[strokes.length - 1]).toBe(5)
  })

  test('export uses an offscreen canvas: its toDataURL where present, else a temp file read as base64', async () => {
    const { handle, host } = await mountPad()
    const f = fixture('signature-slow')
    for (const s of f.strokes) {
      touch(host, 'touchstart', [{ identifier: 1, x: s[0][0], y: s[0][1] }])
      for (const [x, y] of s.slice(1)) touch(host, 'touchmove', [{ identifier: 1, x, y }])
      touch(host, 'touchend', [{ identifier: 1, x: s[s.length - 1][0], y: s[s.length - 1][1] }])
    }
    const viaFile = await handle.exportPng()
    expect(viaFile?.png).toBe('data:image/png;base64,VEVNUEZJTEU=')
    expect(mockWx.tempFiles).toBe(1)
    expect(mockWx.offscreen).toHaveLength(1)
    expect(Math.max(mockWx.offscreen[0].width, mockWx.offscreen[0].height)).toBeLessThanOrEqual(600)
    mockWx.offscreenHasDataUrl = true
    const direct = await handle.exportPng()
    expect(direct?.png).toBe('data:image/png;base64,T0ZGU0NSRUVO')
    expect(mockWx.tempFiles).toBe(1)
  })

  test('no browser globals: the weapp module never needs window or document', () => {
    expect(weapp.viewportIsPortrait()).toBe(false)
    expect(weapp.pixelRatio()).toBe(3)
    const src = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'platform', 'canvas.weapp.ts'), 'utf8')
    expect(src).not.toMatch(/\b(window|document|localStorage|navigator)\./)
  })
})
