import type { Box, SignatureData, Stroke, Vec } from './types'

/** Box around the captured points (centre lines, no pen width). Null when there are none. */
export function pointBounds(strokes: readonly Stroke[]): Box | null {
  let box: Box | null = null
  for (const s of strokes) {
    for (const p of s.points) {
      if (!box) box = { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y }
      else {
        if (p.x < box.minX) box.minX = p.x
        if (p.y < box.minY) box.minY = p.y
        if (p.x > box.maxX) box.maxX = p.x
        if (p.y > box.maxY) box.maxY = p.y
      }
    }
  }
  return box
}

export function polylineLength(points: readonly Vec[]): number {
  let len = 0
  for (let i = 1; i < points.length; i++) len += Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y)
  return len
}

/** Total length of ink (centre lines), CSS px. */
export function inkLength(strokes: readonly Stroke[]): number {
  return strokes.reduce((sum, s) => sum + polylineLength(s.points), 0)
}

/** The polyline resampled at equal spacing (first and last points kept). */
export function resample(points: readonly Vec[], spacing: number): Vec[] {
  if (points.length === 0) return []
  const out: Vec[] = [{ x: points[0].x, y: points[0].y }]
  let carry = 0
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]
    const b = points[i]
    const seg = Math.hypot(b.x - a.x, b.y - a.y)
    if (seg === 0) continue
    let d = spacing - carry
    while (d <= seg) {
      const t = d / seg
      out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t })
      d += spacing
    }
    carry = seg - (d - spacing)
  }
  const last = points[points.length - 1]
  const tail = out[out.length - 1]
  if (Math.hypot(last.x - tail.x, last.y - tail.y) > spacing * 0.25) out.push({ x: last.x, y: last.y })
  return out
}

/** Largest distance of the points from the straight line through the first and last one. */
export function maxChordDeviation(points: readonly Vec[]): number {
  if (points.length < 3) return 0
  const a = points[0]
  const b = points[points.length - 1]
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy)
  let max = 0
  for (const p of points) {
    const d = len < 1e-9 ? Math.hypot(p.x - a.x, p.y - a.y) : Math.abs((p.x - a.x) * dy - (p.y - a.y) * dx) / len
    if (d > max) max = d
  }
  return max
}

/**
 * Splits a resampled polyline where it turns sharply. The turn at each sample is the angle
 * between the directions over `window` samples before and after it; a corner is a local
 * maximum of that angle above `cornerDeg`.
 */
export function splitAtCorners(samples: readonly Vec[], window: number, cornerDeg: number): Vec[][] {
  const n = samples.length
  if (n < 2 * window + 1) return [samples.slice()]
  const cosLimit = Math.cos((cornerDeg * Math.PI) / 180)
  const turn: number[] = new Array(n).fill(1)
  for (let i = window; i < n - window; i++) {
    const a = samples[i - window]
    const p = samples[i]
    const b = samples[i + window]
    const ux = p.x - a.x
    const uy = p.y - a.y
    const vx = b.x - p.x
    const vy = b.y - p.y
    const lu = Math.hypot(ux, uy)
    const lv = Math.hypot(vx, vy)
    turn[i] = lu > 1e-9 && lv > 1e-9 ? (ux * vx + uy * vy) / (lu * lv) : 1
  }
  const pieces: Vec[][] = []
  let start = 0
  for (let i = window; i < n - window; i++) {
    // cosine: smaller = sharper; local minimum of the cosine = local maximum of the turn
    if (turn[i] < cosLimit && turn[i] <= turn[i - 1] && turn[i] < turn[i + 1]) {
      pieces.push(samples.slice(start, i + 1))
      start = i
    }
  }
  pieces.push(samples.slice(start))
  return pieces
}

export interface StraightnessReport {
  /** length of pieces (between corners) long enough to judge */
  judgedLength: number
  /** of which curved (deviation from their chord above the limit) */
  curvedLength: number
  pieces: number
  straightPieces: number
}

export interface StraightnessOptions {
  /** resampling spacing, px */
  spacing: number
  /** samples each side used to measure a turn */
  window: number
  /** turns sharper than this split a stroke into pieces */
  cornerDeg: number
  /** pieces shorter than this are not judged (corner remnants, dots) */
  minPieceLength: number
  /** a piece is straight when max deviation / chord <= this */
  maxDeviationRatio: number
}

/**
 * How much of the ink is curved. Each stroke is cut at its sharp corners; each piece is
 * straight when it stays within maxDeviationRatio of its chord. Handwriting is mostly curved
 * pieces; a dash, a line scribbled back and forth, or a zig-zag is all straight pieces.
 */
export function straightness(strokes: readonly Stroke[], o: StraightnessOptions): StraightnessReport {
  const report: StraightnessReport = { judgedLength: 0, curvedLength: 0, pieces: 0, straightPieces: 0 }
  for (const s of strokes) {
    const samples = resample(s.points, o.spacing)
    for (const piece of splitAtCorners(samples, o.window, o.cornerDeg)) {
      const len = polylineLength(piece)
      if (len < o.minPieceLength) continue
      const a = piece[0]
      const b = piece[piece.length - 1]
      const chord = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 1e-9)
      const straight = maxChordDeviation(piece) / chord <= o.maxDeviationRatio
      report.pieces++
      report.judgedLength += len
      if (straight) report.straightPieces++
      else report.curvedLength += len
    }
  }
  return report
}

// ---------------------------------------------------------------------------------------------
// Transforms
// ---------------------------------------------------------------------------------------------

/** x' = x * scale + dx, y' = y * scale + dy; pen widths scale too. */
export function transformData(d: SignatureData, t: { scale: number; dx: number; dy: number; width: number; height: number }): SignatureData {
  return {
    width: t.width,
    height: t.height,
    strokes: d.strokes.map((s) => ({
      points: s.points.map((p) => ({ x: p.x * t.scale + t.dx, y: p.y * t.scale + t.dy, t: p.t, w: p.w * t.scale }))
    }))
  }
}

/**
 * The signature moved onto a pad of another size (a resize, a rotation of the screen): scaled
 * uniformly to keep its shape, as large as it was relative to the pad, and centred the way it
 * was centred. A pad of the same size returns the same coordinates.
 */
export function fitData(d: SignatureData, width: number, height: number): SignatureData {
  if (d.width <= 0 || d.height <= 0) return { width, height, strokes: [] }
  const scale = Math.min(width / d.width, height / d.height)
  return transformData(d, {
    scale,
    dx: (width - d.width * scale) / 2,
    dy: (height - d.height * scale) / 2,
    width,
    height
  })
}

/**
 * A point of a `width` x `height` frame after turning the frame a quarter turn clockwise
 * `turns` times (negative = counter-clockwise). Each clockwise turn maps (x, y) to
 * (height - y, x) in a height x width frame.
 */
export function rotatePoint(p: Vec, turns: number, width: number, height: number): Vec & { width: number; height: number } {
  let q = ((Math.round(turns) % 4) + 4) % 4
  let x = p.x
  let y = p.y
  let w = width
  let h = height
  while (q-- > 0) {
    const nx = h - y
    y = x
    x = nx
    const t = w
    w = h
    h = t
  }
  return { x, y, width: w, height: h }
}

/** The whole signature turned by quarter turns (the pad's frame rotates with it). */
export function rotateData(d: SignatureData, turns: number): SignatureData {
  const size = rotatePoint({ x: 0, y: 0 }, turns, d.width, d.height)
  return {
    width: size.width,
    height: size.height,
    strokes: d.strokes.map((s) => ({
      points: s.points.map((p) => {
        const r = rotatePoint(p, turns, d.width, d.height)
        return { x: r.x, y: r.y, t: p.t, w: p.w }
      })
    }))
  }
}
