/**
 * A glyph for a character the Kai outlines lack (a rare surname character, an emoji typed into
 * a text field): a frame with the code point in hex inside, the way "last resort" fonts show
 * what they cannot draw. The document is still made — one missing outline must not leave a
 * signed contract without its PDF — and the ToUnicode map still names the real character, so
 * the text extracts and searches as typed; only its picture is the box.
 *
 * The hex digits are the font's own digit outlines, scaled into the frame. Contours keep the
 * font's winding and the frame's inner edge runs the other way, so PDF's nonzero fill leaves
 * the inside of the frame empty and the digits filled.
 */
import { KAI_GRID, type Glyph, type GlyphContour } from '@/domain/signature/glyphs'

export const HEX_DIGITS = '0123456789ABCDEF'

export interface SubstituteGlyph extends Glyph {
  /** the glyph is a hex box, not the character's own outline */
  substitute: true
}

export function isSubstitute(g: Glyph): g is SubstituteGlyph {
  return (g as Partial<SubstituteGlyph>).substitute === true
}

// the frame, in grid units (the em is KAI_GRID), about where the font's CJK glyphs sit
const LEFT = 16
const RIGHT = KAI_GRID - 16
const BOTTOM = -28
const TOP = 212
const STROKE = 10

/** A closed rectangle, counter-clockwise (y up) or clockwise. */
function rect(x0: number, y0: number, x1: number, y1: number, clockwise: boolean): GlyphContour {
  const ccw: GlyphContour = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1]
  ]
  return clockwise ? ccw.reverse() : ccw
}

/** Signed area of a contour (positive: counter-clockwise with y up). */
function area(c: GlyphContour): number {
  let s = 0
  for (let i = 0; i < c.length; i++) {
    const [x0, y0] = c[i]
    const [x1, y1] = c[(i + 1) % c.length]
    s += x0 * y1 - x1 * y0
  }
  return s / 2
}

/**
 * The hex box of `ch`, drawn with `digits` (the outlines of 0–9 and A–F). Four hex digits in
 * two rows for the Basic Multilingual Plane, six in two rows beyond it.
 */
export function hexBoxGlyph(ch: string, digits: Map<string, Glyph>): SubstituteGlyph {
  const cp = ch.codePointAt(0) ?? 0xfffd
  const hex = cp
    .toString(16)
    .toUpperCase()
    .padStart(cp > 0xffff ? 6 : 4, '0')
  const perRow = hex.length / 2
  const rows = [hex.slice(0, perRow), hex.slice(perRow)]
  // the outer edge winds like the font's outer contours; the inner edge the other way
  const fontOuterCcw = [...digits.values()].some((g) => g.contours.some((c) => area(c) > 0)) || digits.size === 0
  const contours: GlyphContour[] = [
    rect(LEFT, BOTTOM, RIGHT, TOP, !fontOuterCcw),
    rect(LEFT + STROKE, BOTTOM + STROKE, RIGHT - STROKE, TOP - STROKE, fontOuterCcw)
  ]
  const innerW = RIGHT - LEFT - 2 * STROKE
  const innerH = TOP - BOTTOM - 2 * STROKE
  const rowH = innerH / 2
  const scale = Math.min((rowH * 0.9) / KAI_GRID, (innerW * 0.9) / (perRow * KAI_GRID * 0.6))
  rows.forEach((row, r) => {
    const widths = Array.from(row).map((d) => (digits.get(d)?.advance ?? KAI_GRID * 0.5) * scale)
    let x = LEFT + STROKE + (innerW - widths.reduce((a, b) => a + b, 0)) / 2
    // baselines: the top row in the upper half, the bottom row in the lower half
    const y = BOTTOM + STROKE + (r === 0 ? rowH : 0) + rowH * 0.2
    Array.from(row).forEach((d, i) => {
      const g = digits.get(d)
      if (g) for (const c of g.contours) contours.push(c.map(([px, py]) => [Math.round(x + px * scale), Math.round(y + py * scale)] as [number, number]))
      x += widths[i]
    })
  })
  return { advance: KAI_GRID, contours, substitute: true }
}
