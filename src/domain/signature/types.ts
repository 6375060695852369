/**
 * Handwritten signature data. Pure TypeScript: no Taro, React or DOM.
 *
 * Coordinates are CSS pixels of the pad the strokes were drawn on (`SignatureData.width` x
 * `height`), y pointing down. Each point keeps the pen width computed when it was captured
 * (velocity filter, width.ts), so a redraw, an undo, a resize or an export reproduces the
 * same ink without re-deriving widths from timing.
 */

/** One captured pen position. */
export interface SignaturePoint {
  x: number
  y: number
  /** capture time, ms (any monotonic clock; only differences matter) */
  t: number
  /** pen width at this point, CSS px */
  w: number
}

/** One pen-down .. pen-up. */
export interface Stroke {
  points: SignaturePoint[]
}

/** Everything needed to redraw a signature on any pad size. */
export interface SignatureData {
  /** pad size (CSS px) the coordinates refer to */
  width: number
  height: number
  strokes: Stroke[]
}

export interface Vec {
  x: number
  y: number
}

export interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** Pen behaviour. All lengths in CSS px, speeds in px/ms. */
export interface PenOptions {
  /** ink colour */
  color: string
  /** thinnest line, reached when writing fast */
  minWidth: number
  /** thickest line, reached when writing slowly */
  maxWidth: number
  /** speed at which the width is halfway between max and min */
  halfWidthSpeed: number
  /** weight of the newest speed sample in the low-pass velocity filter (0..1) */
  velocityWeight: number
  /** how fast the width follows the speed (0..1 per point) */
  widthFollow: number
  /** points closer than this to the previous kept point are dropped */
  minDistance: number
  /** brush tip (笔锋): ms of "flight" after a fast pen-up that become a tapered tail */
  tipMs: number
  /** speed below which a pen-up ends round instead of with a tapered tip */
  tipMinSpeed: number
}

export const DEFAULT_PEN: PenOptions = {
  color: '#000000',
  minWidth: 1.2,
  maxWidth: 4.6,
  halfWidthSpeed: 0.9,
  velocityWeight: 0.6,
  widthFollow: 0.55,
  minDistance: 1.5,
  tipMs: 14,
  tipMinSpeed: 0.35
}

export function penWith(overrides?: Partial<PenOptions>): PenOptions {
  return { ...DEFAULT_PEN, ...(overrides || {}) }
}

export function emptyData(width: number, height: number): SignatureData {
  return { width, height, strokes: [] }
}

export function cloneData(d: SignatureData): SignatureData {
  return {
    width: d.width,
    height: d.height,
    strokes: d.strokes.map((s) => ({ points: s.points.map((p) => ({ x: p.x, y: p.y, t: p.t, w: p.w })) }))
  }
}
