import type { PenOptions, SignaturePoint, Vec } from './types'

/**
 * Velocity-based pen width. Each kept point gets a width from the low-pass filtered pen
 * speed: slow writing lays down thick ink, fast writing thin ink, as with a brush or a
 * fountain pen. The width itself also eases towards its target so that one jerky sample
 * does not make a blob.
 *
 *   speed_i   = |p_i - p_(i-1)| / max(1 ms, t_i - t_(i-1))
 *   v_i       = a * speed_i + (1 - a) * v_(i-1)              a = pen.velocityWeight
 *   target_i  = min + (max - min) / (1 + v_i / halfWidthSpeed)
 *   w_i       = w_(i-1) + (target_i - w_(i-1)) * pen.widthFollow
 */
export function widthForSpeed(speed: number, pen: PenOptions): number {
  const v = Math.max(0, speed)
  return pen.minWidth + (pen.maxWidth - pen.minWidth) / (1 + v / pen.halfWidthSpeed)
}

/** Width of the first point of a stroke (a light touch-down, thickening if the pen lingers). */
export function startWidth(pen: PenOptions): number {
  return (pen.minWidth + pen.maxWidth) / 2
}

export class VelocityWidthFilter {
  private last: SignaturePoint | null = null
  private velocity = 0

  constructor(private readonly pen: PenOptions) {}

  /** Starts a stroke; returns the first point with its width. */
  begin(x: number, y: number, t: number): SignaturePoint {
    this.velocity = 0
    this.last = { x, y, t, w: startWidth(this.pen) }
    return this.last
  }

  /**
   * The next raw position. Returns the point to keep (with its width), or null when it is
   * closer than `pen.minDistance` to the previous kept point (jitter, a resting finger).
   */
  next(x: number, y: number, t: number): SignaturePoint | null {
    const prev = this.last
    if (!prev) return this.begin(x, y, t)
    const d = Math.hypot(x - prev.x, y - prev.y)
    if (d < this.pen.minDistance) return null
    const dt = Math.max(1, t - prev.t)
    const a = this.pen.velocityWeight
    this.velocity = a * (d / dt) + (1 - a) * this.velocity
    const target = widthForSpeed(this.velocity, this.pen)
    const w = prev.w + (target - prev.w) * this.pen.widthFollow
    this.last = { x, y, t: Math.max(t, prev.t), w }
    return this.last
  }

  /** Filtered speed at the last kept point, px/ms. */
  get speed(): number {
    return this.velocity
  }
}

function unit(dx: number, dy: number): Vec | null {
  const l = Math.hypot(dx, dy)
  return l > 1e-6 ? { x: dx / l, y: dy / l } : null
}

/**
 * Brush tip (笔锋) at pen-up. A pen lifted while still moving fast leaves a short tapered
 * tail along its last direction; a pen lifted slowly ends round (no tail). The tail is two
 * extra points appended to the stroke, so redraws and exports reproduce it exactly.
 *
 * Tail length = speed * pen.tipMs, at most 4 * maxWidth; its width falls to ~15 %.
 */
export function brushTip(points: SignaturePoint[], speed: number, pen: PenOptions): SignaturePoint[] {
  if (points.length < 3 || speed < pen.tipMinSpeed) return []
  const last = points[points.length - 1]
  // direction over the last ~2 segments, steadier than the very last one
  const from = points[points.length - 3]
  const dir = unit(last.x - from.x, last.y - from.y)
  if (!dir) return []
  const len = Math.min(speed * pen.tipMs, pen.maxWidth * 4)
  if (len < pen.minDistance * 2) return []
  return [
    { x: last.x + dir.x * len * 0.55, y: last.y + dir.y * len * 0.55, t: last.t + 8, w: last.w * 0.55 },
    { x: last.x + dir.x * len, y: last.y + dir.y * len, t: last.t + 16, w: Math.max(0.25, last.w * 0.15) }
  ]
}
