import Taro from '@tarojs/taro'
import {
  bitmapRatio,
  rotatePoint,
  type HostCanvas,
  type HostContext2D,
  type ImageCanvas,
  type ImageContext2D,
  type PadInputHandlers,
  type PadSurface
} from '@/domain/signature'

/**
 * Canvas for the signature pad, H5 (browser). Same exports as canvas.weapp.ts; canvas.ts
 * re-exports this one for tsc and jest.
 *
 * - Taro's <Canvas type="2d"> is a <taro-canvas-core> holding a real <canvas>. The selector
 *   query returns that inner canvas as `node` but no size (H5 answers node queries with the
 *   node only), so the size is its clientWidth/clientHeight: the layout size, unaffected by
 *   a CSS rotation of the page.
 * - Input: pointer events on the canvas (mouse, pen and touch alike; Taro's touch props do
 *   not fire for a mouse), with pointer capture so a stroke leaving the pad still ends.
 *   Coalesced events are used where the browser has them (more points per frame).
 * - Nothing here touches window/document at module load.
 */

export const CANVAS_PLATFORM = 'h5' as const

function devicePixelRatio(): number {
  return typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1
}

/** Taro's H5 selector query needs a loaded page container (it throws later, in a tick, otherwise). */
function pageContainerReady(): boolean {
  try {
    const path = Taro.getCurrentInstance()?.page?.path
    return !!path && typeof document !== 'undefined' && !!document.getElementById(path)
  } catch {
    return false
  }
}

function queryNode(id: string): Promise<HTMLCanvasElement | null> {
  if (!pageContainerReady()) return Promise.resolve(fallbackNode(id))
  return new Promise((resolve) => {
    let settled = false
    const done = (node: HTMLCanvasElement | null) => {
      if (settled) return
      settled = true
      resolve(node)
    }
    // never wait on a query that does not answer
    setTimeout(() => done(fallbackNode(id)), 300)
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: unknown[]) => {
          const node = (res?.[0] as { node?: unknown } | null)?.node
          done(node instanceof HTMLCanvasElement ? node : fallbackNode(id))
        })
    } catch {
      done(fallbackNode(id))
    }
  })
}

function fallbackNode(id: string): HTMLCanvasElement | null {
  if (typeof document === 'undefined') return null
  const host = document.getElementById(id)
  if (!host) return null
  if (host instanceof HTMLCanvasElement) return host
  return host.querySelector('canvas')
}

/** Sizes the bitmap for the pad (pixel ratio, <= 1365 px a side) and sets the CSS-px transform. */
export function prepareSurface(node: HostCanvas, width: number, height: number, dpr: number): PadSurface | null {
  const ctx = node.getContext('2d') as HostContext2D | null
  if (!ctx || width <= 0 || height <= 0) return null
  const ratio = bitmapRatio(dpr, width, height)
  node.width = Math.max(1, Math.round(width * ratio))
  node.height = Math.max(1, Math.round(height * ratio))
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  return { node, ctx, width, height, pixelRatio: ratio }
}

/**
 * The pad canvas `#id`, measured, its bitmap sized; null while it is not laid out yet (the
 * caller retries) or where there is no canvas.
 */
export async function querySurface(id: string): Promise<PadSurface | null> {
  const node = await queryNode(id)
  if (!node) return null
  const width = node.clientWidth || node.getBoundingClientRect().width
  const height = node.clientHeight || node.getBoundingClientRect().height
  return prepareSurface(node, Math.round(width), Math.round(height), devicePixelRatio())
}

/** False when something reset the bitmap (Taro's canvas element re-sizes it when it re-renders). */
export function surfaceIntact(s: PadSurface): boolean {
  return s.node.width === Math.max(1, Math.round(s.width * s.pixelRatio)) && s.node.height === Math.max(1, Math.round(s.height * s.pixelRatio))
}

export function frameScheduler(_s?: PadSurface): (cb: () => void) => void {
  if (typeof window !== 'undefined' && typeof window.requestAnimationFrame === 'function') {
    return (cb) => {
      window.requestAnimationFrame(() => cb())
    }
  }
  return (cb) => {
    setTimeout(cb, 16)
  }
}

/** Props for <Canvas>: none on H5 (input comes from attachInput). */
export function canvasTouchProps(_handlers: () => PadInputHandlers | null): Record<string, unknown> {
  return {}
}

/**
 * Pointer input on the pad canvas. `quarterTurns` says how the page is rotated by CSS
 * (1 = a quarter turn clockwise, the H5 landscape emulation on a portrait screen); screen
 * points are turned back into pad coordinates.
 */
export function attachInput(s: PadSurface, handlers: PadInputHandlers, quarterTurns: () => number): () => void {
  const el = s.node as unknown as HTMLCanvasElement
  if (typeof el.addEventListener !== 'function') return () => undefined
  el.style.touchAction = 'none'
  let active: number | null = null
  let rect: DOMRect | null = null
  let turns = 0

  const toPad = (e: PointerEvent) => {
    const r = rect ?? el.getBoundingClientRect()
    const sx = e.clientX - r.left
    const sy = e.clientY - r.top
    if (!turns) return { x: sx, y: sy }
    // the rotated element's box on screen is r.width x r.height; undo the page's rotation
    const p = rotatePoint({ x: sx, y: sy }, -turns, r.width, r.height)
    return { x: p.x, y: p.y }
  }

  const down = (e: PointerEvent) => {
    if (active !== null) return
    if (e.pointerType === 'mouse' && e.button !== 0) return
    e.preventDefault()
    active = e.pointerId
    rect = el.getBoundingClientRect()
    turns = quarterTurns()
    try {
      el.setPointerCapture?.(e.pointerId)
    } catch {
      // synthetic or already released pointer
    }
    const p = toPad(e)
    handlers.start(p.x, p.y, e.timeStamp)
  }
  const move = (e: PointerEvent) => {
    if (e.pointerId !== active) return
    e.preventDefault()
    const list = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : []
    for (const ev of list.length ? list : [e]) {
      const p = toPad(ev)
      handlers.move(p.x, p.y, ev.timeStamp)
    }
  }
  const up = (e: PointerEvent) => {
    if (e.pointerId !== active) return
    active = null
    rect = null
    handlers.end()
  }
  el.addEventListener('pointerdown', down)
  el.addEventListener('pointermove', move)
  el.addEventListener('pointerup', up)
  el.addEventListener('pointercancel', up)
  const noScroll = (e: TouchEvent) => e.preventDefault()
  el.addEventListener('touchmove', noScroll, { passive: false })
  return () => {
    el.removeEventListener('pointerdown', down)
    el.removeEventListener('pointermove', move)
    el.removeEventListener('pointerup', up)
    el.removeEventListener('pointercancel', up)
    el.removeEventListener('touchmove', noScroll)
  }
}

/** Calls `cb` when the viewport changes size or orientation. */
export function onViewportResize(cb: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined
  window.addEventListener('resize', cb)
  window.addEventListener('orientationchange', cb)
  return () => {
    window.removeEventListener('resize', cb)
    window.removeEventListener('orientationchange', cb)
  }
}

/** True when the viewport is portrait (H5 then turns the pad page a quarter turn). */
export function viewportIsPortrait(): boolean {
  return typeof window !== 'undefined' && window.innerHeight > window.innerWidth
}

function canvasToPng(c: HTMLCanvasElement): Promise<string> {
  return Promise.resolve(c.toDataURL('image/png'))
}

/** A detached <canvas> for images (export, system signature). */
export function createImageCanvas(width: number, height: number): ImageCanvas | null {
  if (typeof document === 'undefined') return null
  const c = document.createElement('canvas')
  c.width = width
  c.height = height
  const ctx = c.getContext('2d') as unknown as ImageContext2D | null
  if (!ctx) return null
  return { ctx, toPng: () => canvasToPng(c) }
}

/**
 * The visible pad canvas borrowed as an image canvas (last resort when no other canvas can
 * be made). Its bitmap is resized: the caller must prepare the surface again and redraw.
 */
export function borrowSurface(s: PadSurface, width: number, height: number): ImageCanvas | null {
  const node = s.node as unknown as HTMLCanvasElement
  node.width = width
  node.height = height
  const ctx = node.getContext('2d') as unknown as ImageContext2D | null
  if (!ctx) return null
  return { ctx, toPng: () => canvasToPng(node) }
}

export function pixelRatio(): number {
  return devicePixelRatio()
}
