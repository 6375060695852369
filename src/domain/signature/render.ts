import { directionOnSegment, pointOnSegment, sampleCount, segmentAt, type Segment } from './bezier'
import type { Box, SignatureData, SignaturePoint, Stroke } from './types'

/**
 * The drawing a signature needs from a 2D context: the subset of CanvasRenderingContext2D
 * that WeChat's Canvas 2D, an HTML canvas, an offscreen canvas and a test recorder all have.
 * Coordinates are CSS px; the host sets the pixel-ratio transform once when it sizes the bitmap.
 */
export interface PadContext2D {
  fillStyle: unknown
  beginPath(): void
  closePath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number, counterclockwise?: boolean): void
  fill(): void
  clearRect(x: number, y: number, w: number, h: number): void
}

const TAU = Math.PI * 2

/** A round dot: the start of every stroke (so a tap leaves a mark) and each segment's joint. */
export function drawDot(ctx: PadContext2D, p: SignaturePoint, color: string): void {
  const r = p.w / 2
  ctx.fillStyle = color
  ctx.beginPath()
  ctx.moveTo(p.x + r, p.y)
  ctx.arc(p.x, p.y, r, 0, TAU)
  ctx.fill()
}

/**
 * One curve segment as a filled outline: the curve is sampled, and each pair of samples is a
 * quadrilateral between the offset points at +-width/2 (width interpolated from a to b), all
 * in one path and one fill, plus a round joint at the end. The quads and the joint wind the
 * same way, so their union fills without seams under the nonzero rule.
 *
 * Work per segment is bounded: at most MAX_SAMPLES quads (bezier.ts).
 */
export function drawSegment(ctx: PadContext2D, s: Segment, color: string): void {
  const n = sampleCount(s)
  ctx.fillStyle = color
  ctx.beginPath()
  let prev = s.a
  let prevDir = directionOnSegment(s, 0)
  let prevR = s.wa / 2
  for (let k = 1; k <= n; k++) {
    const t = k / n
    const p = k === n ? s.b : pointOnSegment(s, t)
    const dir = directionOnSegment(s, t)
    const r = (s.wa + (s.wb - s.wa) * t) / 2
    // left normal of direction (dx, dy) is (dy, -dx) in y-down screen space
    ctx.moveTo(prev.x + prevDir.y * prevR, prev.y - prevDir.x * prevR)
    ctx.lineTo(p.x + dir.y * r, p.y - dir.x * r)
    ctx.lineTo(p.x - dir.y * r, p.y + dir.x * r)
    ctx.lineTo(prev.x - prevDir.y * prevR, prev.y + prevDir.x * prevR)
    ctx.closePath()
    prev = p
    prevDir = dir
    prevR = r
  }
  const rb = s.wb / 2
  ctx.moveTo(s.b.x + rb, s.b.y)
  ctx.arc(s.b.x, s.b.y, rb, 0, TAU)
  ctx.fill()
}

/** Draws the curve from stroke.points[i] to points[i+1]. */
export function drawStrokeSegment(ctx: PadContext2D, points: readonly SignaturePoint[], i: number, color: string): void {
  drawSegment(ctx, segmentAt(points, i), color)
}

/** A whole stroke, exactly as the incremental drawing produced it. */
export function drawStroke(ctx: PadContext2D, stroke: Stroke, color: string): void {
  const pts = stroke.points
  if (!pts.length) return
  drawDot(ctx, pts[0], color)
  for (let i = 0; i + 1 < pts.length; i++) drawStrokeSegment(ctx, pts, i, color)
}

export function drawAll(ctx: PadContext2D, strokes: readonly Stroke[], color: string): void {
  for (const s of strokes) drawStroke(ctx, s, color)
}

function grow(box: Box | null, x: number, y: number, r: number): Box {
  if (!box) return { minX: x - r, minY: y - r, maxX: x + r, maxY: y + r }
  box.minX = Math.min(box.minX, x - r)
  box.minY = Math.min(box.minY, y - r)
  box.maxX = Math.max(box.maxX, x + r)
  box.maxY = Math.max(box.maxY, y + r)
  return box
}

/**
 * Box that contains every pixel of ink (a Bézier lies inside its control polygon, widened by
 * the larger half-width of its ends). Null when there is no ink.
 */
export function inkBounds(strokes: readonly Stroke[]): Box | null {
  let box: Box | null = null
  for (const stroke of strokes) {
    const pts = stroke.points
    if (!pts.length) continue
    box = grow(box, pts[0].x, pts[0].y, pts[0].w / 2)
    for (let i = 0; i + 1 < pts.length; i++) {
      const s = segmentAt(pts, i)
      const r = Math.max(s.wa, s.wb) / 2
      for (const p of [s.a, s.c1, s.c2, s.b]) box = grow(box, p.x, p.y, r)
    }
  }
  return box
}

export interface ExportOptions {
  /** longest side of the image, px */
  maxSide: number
  /** never enlarge more than this (a small signature stays crisp but is not blown up) */
  maxScale: number
  /** transparent border around the ink, CSS px before scaling */
  margin: number
}

export const DEFAULT_EXPORT: ExportOptions = { maxSide: 600, maxScale: 2, margin: 6 }

export interface ExportPlan {
  /** image size, px */
  width: number
  height: number
  /** the strokes moved and scaled into the image */
  strokes: Stroke[]
  scale: number
}

/**
 * Trimmed export: crop to the ink bounds plus a margin and scale so the longer side is at
 * most maxSide. Null when there is no ink.
 */
export function planExport(data: SignatureData, opts: Partial<ExportOptions> = {}): ExportPlan | null {
  const o = { ...DEFAULT_EXPORT, ...opts }
  const box = inkBounds(data.strokes)
  if (!box) return null
  const bw = box.maxX - box.minX + 2 * o.margin
  const bh = box.maxY - box.minY + 2 * o.margin
  const scale = Math.min(o.maxScale, o.maxSide / Math.max(bw, bh))
  const width = Math.max(1, Math.min(o.maxSide, Math.ceil(bw * scale)))
  const height = Math.max(1, Math.min(o.maxSide, Math.ceil(bh * scale)))
  const dx = o.margin - box.minX
  const dy = o.margin - box.minY
  const strokes = data.strokes.map((s) => ({
    points: s.points.map((p) => ({ x: (p.x + dx) * scale, y: (p.y + dy) * scale, t: p.t, w: p.w * scale }))
  }))
  return { width, height, strokes, scale }
}
