import Taro from '@tarojs/taro'
import {
  bitmapRatio,
  type HostCanvas,
  type HostContext2D,
  type ImageCanvas,
  type ImageContext2D,
  type PadInputHandlers,
  type PadSurface
} from '@/domain/signature'

/**
 * Canvas for the signature pad, WeChat. Same exports as canvas.h5.ts.
 *
 * - <Canvas type="2d" id=...>: the node comes from
 *   createSelectorQuery().select('#id').fields({ node: true, size: true }) once the page has
 *   rendered; its bitmap is sized by the pixel ratio, no side above 1365 px.
 * - Input: the canvas' touch events (bound in the template, `disable-scroll` on), whose
 *   touches carry x/y relative to the canvas.
 * - Images: an offscreen Canvas 2D (base library 2.16.1+), PNG via its toDataURL, else via
 *   canvasToTempFilePath + reading the file as base64.
 * - No browser globals anywhere.
 */

export const CANVAS_PLATFORM = 'weapp' as const

interface WxTouch {
  identifier?: number
  x?: number
  y?: number
}

interface WxTouchEvent {
  touches?: WxTouch[]
  changedTouches?: WxTouch[]
  timeStamp?: number
  mpEvent?: { timeStamp?: number }
}

export function pixelRatio(): number {
  try {
    const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()
    return info && info.pixelRatio > 0 ? info.pixelRatio : 2
  } catch {
    return 2
  }
}

export function prepareSurface(node: HostCanvas, width: number, height: number, dpr: number): PadSurface | null {
  const ctx = node.getContext('2d') as HostContext2D | null
  if (!ctx || width <= 0 || height <= 0) return null
  const ratio = bitmapRatio(dpr, width, height)
  node.width = Math.max(1, Math.round(width * ratio))
  node.height = Math.max(1, Math.round(height * ratio))
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  return { node, ctx, width, height, pixelRatio: ratio }
}

export function querySurface(id: string): Promise<PadSurface | null> {
  return new Promise((resolve) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: unknown[]) => {
          const r = res?.[0] as { node?: HostCanvas; width?: number; height?: number } | null
          if (!r || !r.node || typeof r.node.getContext !== 'function') {
            resolve(null)
            return
          }
          resolve(prepareSurface(r.node, Math.round(r.width || 0), Math.round(r.height || 0), pixelRatio()))
        })
    } catch {
      resolve(null)
    }
  })
}

export function surfaceIntact(_s: PadSurface): boolean {
  // WeChat's canvas node keeps its bitmap until we resize it ourselves
  return true
}

export function frameScheduler(s?: PadSurface): (cb: () => void) => void {
  const node = s?.node as (HostCanvas & { requestAnimationFrame?: (cb: () => void) => number }) | undefined
  if (node && typeof node.requestAnimationFrame === 'function') {
    return (cb) => {
      node.requestAnimationFrame?.(() => cb())
    }
  }
  return (cb) => {
    setTimeout(cb, 16)
  }
}

function eventTime(e: WxTouchEvent): number | undefined {
  const t = e.mpEvent?.timeStamp ?? e.timeStamp
  return typeof t === 'number' && Number.isFinite(t) ? t : undefined
}

/**
 * Touch handlers for <Canvas>. `handlers()` is read on every event, so the props can be
 * created once. Only the first finger draws.
 */
export function canvasTouchProps(handlers: () => PadInputHandlers | null): Record<string, unknown> {
  let finger: number | null = null
  const pick = (list: WxTouch[] | undefined) => (list || []).find((t) => finger === null || t.identifier === finger) || null
  return {
    onTouchStart(e: WxTouchEvent) {
      const h = handlers()
      const t = pick(e.changedTouches) || pick(e.touches)
      if (!h || !t || finger !== null || typeof t.x !== 'number' || typeof t.y !== 'number') return
      finger = typeof t.identifier === 'number' ? t.identifier : 0
      h.start(t.x, t.y, eventTime(e))
    },
    onTouchMove(e: WxTouchEvent) {
      const h = handlers()
      if (!h || finger === null) return
      const t = pick(e.touches) || pick(e.changedTouches)
      if (t && typeof t.x === 'number' && typeof t.y === 'number') h.move(t.x, t.y, eventTime(e))
    },
    onTouchEnd(e: WxTouchEvent) {
      if (finger === null) return
      const ended = (e.changedTouches || []).some((t) => t.identifier === finger) || !(e.touches || []).length
      if (!ended) return
      finger = null
      handlers()?.end()
    },
    onTouchCancel() {
      if (finger === null) return
      finger = null
      handlers()?.end()
    }
  }
}

/** Nothing to attach on WeChat: input arrives through canvasTouchProps. */
export function attachInput(_s: PadSurface, _handlers: PadInputHandlers, _quarterTurns: () => number): () => void {
  return () => undefined
}

export function onViewportResize(cb: () => void): () => void {
  if (typeof Taro.onWindowResize !== 'function') return () => undefined
  const listener = () => cb()
  Taro.onWindowResize(listener)
  return () => {
    if (typeof Taro.offWindowResize === 'function') Taro.offWindowResize(listener)
  }
}

/** WeChat turns the page itself (pageOrientation: landscape); never emulated. */
export function viewportIsPortrait(): boolean {
  return false
}

type Offscreen = HostCanvas & { toDataURL?: (type?: string) => string }

async function tempFileAsDataUrl(canvas: Offscreen): Promise<string> {
  const res = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' })
  const fs = Taro.getFileSystemManager()
  const b64 = await new Promise<string>((resolve, reject) => {
    fs.readFile({
      filePath: res.tempFilePath,
      encoding: 'base64',
      success: (r) => resolve(String(r.data)),
      fail: reject
    })
  })
  return `data:image/png;base64,${b64}`
}

function toPng(canvas: Offscreen): Promise<string> {
  if (typeof canvas.toDataURL === 'function') {
    try {
      const url = canvas.toDataURL('image/png')
      if (typeof url === 'string' && url.startsWith('data:image/png')) return Promise.resolve(url)
    } catch {
      // fall through to the temp file route
    }
  }
  return tempFileAsDataUrl(canvas)
}

export function createImageCanvas(width: number, height: number): ImageCanvas | null {
  if (typeof Taro.createOffscreenCanvas !== 'function') return null
  try {
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width, height }) as unknown as Offscreen
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d') as ImageContext2D | null
    if (!ctx) return null
    return { ctx, toPng: () => toPng(canvas) }
  } catch {
    return null
  }
}

/** The visible pad canvas borrowed as an image canvas; the caller prepares it again after. */
export function borrowSurface(s: PadSurface, width: number, height: number): ImageCanvas | null {
  const node = s.node as Offscreen
  node.width = width
  node.height = height
  const ctx = node.getContext('2d') as ImageContext2D | null
  if (!ctx) return null
  ;(ctx as unknown as HostContext2D).setTransform(1, 0, 0, 1, 0, 0)
  return { ctx, toPng: () => toPng(node) }
}
