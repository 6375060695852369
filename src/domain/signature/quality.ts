import { inkLength, pointBounds, straightness, type StraightnessReport } from './geometry'
import type { SignatureData } from './types'

/**
 * Whether a drawing may be accepted as a signature. All limits are relative to the pad's
 * shorter side (`ref`, ~300-360 CSS px for a landscape phone), so they hold on any screen.
 *
 * Checked in this order, the first failure wins:
 * 1. EMPTY      no stroke at all.
 * 2. TOO_SMALL  the ink's bounding box is shorter than 22 % of ref on its longer side, or
 *               there is less than 50 % of ref of ink in total (a dot, a tick, a short dash).
 *               A two-character signature is typically 200-450 px wide with 400-1500 px of ink.
 * 3. STRAIGHT   less than 15 % of the judged ink is curved: every stroke, cut at its sharp
 *               corners (> 50 degrees), is a piece that stays within 4.5 % of its chord. A
 *               line, a scribble back and forth along a line, a zig-zag, a cross are refused;
 *               handwriting has curved pieces (hooks, sweeps, joins). Pieces shorter than 3 %
 *               of ref are not judged.
 * 4. TOO_SMALL  (flat) the bounding box's shorter side is under 6 % of ref: a curvy line that
 *               is not writing (a wave) or writing too tiny to read.
 */
export const QUALITY_LIMITS = {
  minExtentRatio: 0.22,
  minInkRatio: 0.5,
  minThicknessRatio: 0.06,
  minCurvedShare: 0.15,
  cornerDeg: 50,
  maxDeviationRatio: 0.045,
  minPieceRatio: 0.03,
  /** resampling spacing for the straightness test, as a share of ref (never under 1 px) */
  spacingRatio: 0.006,
  /** samples each side of a point that measure its turn */
  window: 3
} as const

export type QualityCode = 'EMPTY' | 'TOO_SMALL' | 'STRAIGHT'

export const QUALITY_MESSAGES: Record<QualityCode, string> = {
  EMPTY: '请先在签名区域内书写签名',
  TOO_SMALL: '签名过小，请在签名区域内书写完整、清晰的姓名',
  STRAIGHT: '签名不能只是直线或折线，请书写您的姓名'
}

export interface QualityMetrics {
  /** pad's shorter side, px */
  ref: number
  strokes: number
  /** ink bounding box (centre lines), px */
  boxWidth: number
  boxHeight: number
  inkLength: number
  straight: StraightnessReport
}

export type QualityResult = { ok: true; metrics: QualityMetrics } | { ok: false; code: QualityCode; message: string; metrics: QualityMetrics }

export function checkQuality(d: SignatureData): QualityResult {
  const L = QUALITY_LIMITS
  const ref = Math.max(1, Math.min(d.width, d.height))
  const strokes = d.strokes.filter((s) => s.points.length > 0)
  const box = pointBounds(strokes)
  const straight = straightness(strokes, {
    spacing: Math.max(1, ref * L.spacingRatio),
    window: L.window,
    cornerDeg: L.cornerDeg,
    minPieceLength: ref * L.minPieceRatio,
    maxDeviationRatio: L.maxDeviationRatio
  })
  const metrics: QualityMetrics = {
    ref,
    strokes: strokes.length,
    boxWidth: box ? box.maxX - box.minX : 0,
    boxHeight: box ? box.maxY - box.minY : 0,
    inkLength: inkLength(strokes),
    straight
  }
  const fail = (code: QualityCode): QualityResult => ({ ok: false, code, message: QUALITY_MESSAGES[code], metrics })

  if (!strokes.length) return fail('EMPTY')
  const longer = Math.max(metrics.boxWidth, metrics.boxHeight)
  const shorter = Math.min(metrics.boxWidth, metrics.boxHeight)
  if (longer < ref * L.minExtentRatio || metrics.inkLength < ref * L.minInkRatio) return fail('TOO_SMALL')
  if (straight.judgedLength === 0 || straight.curvedLength < straight.judgedLength * L.minCurvedShare) return fail('STRAIGHT')
  if (shorter < ref * L.minThicknessRatio) return fail('TOO_SMALL')
  return { ok: true, metrics }
}
