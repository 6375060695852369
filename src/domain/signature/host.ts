import type { PadContext2D } from './render'

/**
 * What a platform (src/platform/canvas.*.ts) hands to the signature pad. Host-agnostic types
 * only; the implementations live with the platform code.
 */

/** A canvas context as the platforms really give it: the pad's subset plus sizing. */
export interface HostContext2D extends PadContext2D {
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void
}

/** A canvas node: WeChat's Canvas 2D node, an HTMLCanvasElement, or an offscreen canvas. */
export interface HostCanvas {
  width: number
  height: number
  getContext(type: '2d'): unknown
  toDataURL?: (type?: string, quality?: number) => string
}

/** The visible pad canvas, measured and ready to draw on. */
export interface PadSurface {
  node: HostCanvas
  ctx: HostContext2D
  /** drawing area, CSS px */
  width: number
  height: number
  /** bitmap px per CSS px (device pixel ratio, lowered so no side exceeds MAX_BITMAP_SIDE) */
  pixelRatio: number
}

/** WeChat limits a canvas bitmap side; larger bitmaps fail or blur on some devices. */
export const MAX_BITMAP_SIDE = 1365

/** Pixel ratio for a pad: the device's, but no bitmap side above MAX_BITMAP_SIDE. */
export function bitmapRatio(devicePixelRatio: number, width: number, height: number): number {
  const dpr = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1
  const longest = Math.max(width, height, 1)
  return Math.min(dpr, MAX_BITMAP_SIDE / longest)
}

/** Pointer input in pad coordinates (CSS px); `t` in ms when the platform knows it. */
export interface PadInputHandlers {
  start(x: number, y: number, t?: number): void
  move(x: number, y: number, t?: number): void
  end(): void
}

/** What image rendering needs beyond the pad's drawing: text (system signature) and pixels. */
export interface ImageContext2D extends PadContext2D {
  font: string
  textBaseline: string
  textAlign: string
  fillText(text: string, x: number, y: number): void
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> }
  scale(x: number, y: number): void
  translate(x: number, y: number): void
}

/** A canvas to render one image on (offscreen where the platform has one). */
export interface ImageCanvas {
  ctx: ImageContext2D
  /** The image as a data:image/png;base64 URL. */
  toPng(): Promise<string>
}

/** Makes a width x height image canvas, or null where none can be made. */
export type ImageCanvasFactory = (width: number, height: number) => ImageCanvas | null

/** A PNG, as a data URL, with its size. */
export interface PngImage {
  png: string
  width: number
  height: number
}
