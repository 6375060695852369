import type { SignaturePoint, Vec } from './types'

/**
 * Smoothing: the ink between two consecutive captured points is a cubic Bézier that passes
 * through both points. Its control points lie on the tangents at the two ends, one third of
 * the chord away (a Hermite curve whose tangent length is the chord, which cannot overshoot
 * on unevenly spaced points).
 *
 * The tangent at a point is the bisector of the incoming and outgoing directions, so
 * neighbouring curves meet smoothly. Where the pen turns sharply (more than CORNER_COS, about
 * 100 degrees, e.g. the tip of a zig-zag) the corner is kept sharp: each side uses its own
 * direction instead of a bisector, which would otherwise make a loop.
 */

/** cos(100 deg): turns sharper than this keep a corner */
export const CORNER_COS = -0.17

export interface Segment {
  a: Vec
  c1: Vec
  c2: Vec
  b: Vec
  /** pen width at a and at b */
  wa: number
  wb: number
}

function unit(dx: number, dy: number): Vec | null {
  const l = Math.hypot(dx, dy)
  return l > 1e-9 ? { x: dx / l, y: dy / l } : null
}

function dirBetween(p: Vec, q: Vec): Vec | null {
  return unit(q.x - p.x, q.y - p.y)
}

/**
 * Tangent at points[i]: `side` 'out' for the curve leaving the point, 'in' for the curve
 * arriving at it. Only points i-1, i, i+1 are used, which is what makes drawing incremental.
 */
export function tangentAt(points: readonly Vec[], i: number, side: 'in' | 'out'): Vec | null {
  const p = points[i]
  const prev = i > 0 ? points[i - 1] : null
  const next = i < points.length - 1 ? points[i + 1] : null
  const din = prev ? dirBetween(prev, p) : null
  const dout = next ? dirBetween(p, next) : null
  if (!din) return dout
  if (!dout) return din
  const cos = din.x * dout.x + din.y * dout.y
  if (cos < CORNER_COS) return side === 'in' ? din : dout
  return unit(din.x + dout.x, din.y + dout.y) ?? dout
}

/**
 * The curve from points[i] to points[i+1]. Needs points[i-1] and points[i+2] when they
 * exist (the second one only to shape the arriving tangent), nothing further away.
 */
export function segmentAt(points: readonly SignaturePoint[], i: number): Segment {
  const a = points[i]
  const b = points[i + 1]
  const chord = Math.hypot(b.x - a.x, b.y - a.y)
  const k = chord / 3
  const ta = tangentAt(points, i, 'out') ?? { x: 0, y: 0 }
  const tb = tangentAt(points, i + 1, 'in') ?? { x: 0, y: 0 }
  return {
    a: { x: a.x, y: a.y },
    c1: { x: a.x + ta.x * k, y: a.y + ta.y * k },
    c2: { x: b.x - tb.x * k, y: b.y - tb.y * k },
    b: { x: b.x, y: b.y },
    wa: a.w,
    wb: b.w
  }
}

export function pointOnSegment(s: Segment, t: number): Vec {
  const u = 1 - t
  const uu = u * u
  const tt = t * t
  return {
    x: uu * u * s.a.x + 3 * uu * t * s.c1.x + 3 * u * tt * s.c2.x + tt * t * s.b.x,
    y: uu * u * s.a.y + 3 * uu * t * s.c1.y + 3 * u * tt * s.c2.y + tt * t * s.b.y
  }
}

/** Unit direction of the curve at t (falls back to the chord where the derivative vanishes). */
export function directionOnSegment(s: Segment, t: number): Vec {
  const u = 1 - t
  const dx = 3 * u * u * (s.c1.x - s.a.x) + 6 * u * t * (s.c2.x - s.c1.x) + 3 * t * t * (s.b.x - s.c2.x)
  const dy = 3 * u * u * (s.c1.y - s.a.y) + 6 * u * t * (s.c2.y - s.c1.y) + 3 * t * t * (s.b.y - s.c2.y)
  return unit(dx, dy) ?? unit(s.b.x - s.a.x, s.b.y - s.a.y) ?? { x: 1, y: 0 }
}

/** Length estimate: mean of the chord and the control polygon (good to a few %). */
export function segmentLength(s: Segment): number {
  const chord = Math.hypot(s.b.x - s.a.x, s.b.y - s.a.y)
  const poly = Math.hypot(s.c1.x - s.a.x, s.c1.y - s.a.y) + Math.hypot(s.c2.x - s.c1.x, s.c2.y - s.c1.y) + Math.hypot(s.b.x - s.c2.x, s.b.y - s.c2.y)
  return (chord + poly) / 2
}

/** Sample spacing along a curve when drawing, and the cap that bounds one segment's work. */
export const SAMPLE_SPACING = 2
export const MAX_SAMPLES = 32

export function sampleCount(s: Segment): number {
  return Math.max(1, Math.min(MAX_SAMPLES, Math.ceil(segmentLength(s) / SAMPLE_SPACING)))
}
