/**
 * Geometry of a red round enterprise seal (圆形印章), drawn from its data: an outer ring, the
 * enterprise name along the upper arc (characters evenly spaced, each turned to face outwards),
 * a five-pointed star in the centre and the purpose (e.g. 合同专用章) written below it.
 *
 * Everything is in a square box of side `size` with the centre at (size/2, size/2); angles are
 * degrees clockwise from 12 o'clock. Pure functions: the sandbox stamps page images with the
 * SVG (svg.ts), the UI can preview it or draw the instructions on a canvas.
 */

export interface SealSpec {
  /** Enterprise name along the arc */
  text: string
  /** Below the star, e.g. 合同专用章; '' for none */
  purpose: string
  /** Ink colour; default SEAL_RED */
  color?: string
}

export const SEAL_RED = '#d0021b'

export interface SealRing {
  cx: number
  cy: number
  r: number
  strokeWidth: number
}

export interface SealChar {
  char: string
  /** Centre of the character */
  x: number
  y: number
  /** Degrees clockwise from upright (= its angle on the arc) */
  rotation: number
  fontSize: number
}

export interface SealDrawing {
  size: number
  color: string
  rings: SealRing[]
  /** Radius of the circle the character centres lie on */
  textRadius: number
  /** Total arc the name spans (degrees), centred on 12 o'clock */
  arcDegrees: number
  chars: SealChar[]
  /** Star polygon, 10 points alternating outer/inner, starting at the top point */
  star: { cx: number; cy: number; outerRadius: number; innerRadius: number; points: [number, number][] }
  purpose: { text: string; x: number; y: number; fontSize: number; textLength: number } | null
}

/** inner/outer radius ratio of a regular five-pointed star: sin 18° / sin 54° ≈ 0.382 */
export const STAR_INNER_RATIO = Math.sin(Math.PI / 10) / Math.sin((3 * Math.PI) / 10)

const rad = (deg: number) => (deg * Math.PI) / 180

/** Points of a regular n-pointed star (n outer, n inner, alternating), first point at 12 o'clock. */
export function starPoints(cx: number, cy: number, outer: number, inner = outer * STAR_INNER_RATIO, n = 5): [number, number][] {
  const pts: [number, number][] = []
  for (let k = 0; k < 2 * n; k++) {
    const r = k % 2 === 0 ? outer : inner
    const a = rad((360 / (2 * n)) * k)
    pts.push([cx + r * Math.sin(a), cy - r * Math.cos(a)])
  }
  return pts
}

/** The arc the name spans: about 22° a character, between 90° and 250°. */
export function arcDegreesFor(count: number): number {
  return Math.max(90, Math.min(250, count * 22))
}

/**
 * Positions of `count` characters evenly spaced on an arc of `arcDegrees` centred at 12 o'clock:
 * angle_i = −arc/2 + i·arc/(count−1) (a single character sits at 0).
 */
export function arcAngles(count: number, arcDegrees: number): number[] {
  if (count <= 0) return []
  if (count === 1) return [0]
  const step = arcDegrees / (count - 1)
  return Array.from({ length: count }, (_, i) => -arcDegrees / 2 + i * step)
}

export function sealGeometry(spec: SealSpec, size = 160): SealDrawing {
  const c = size / 2
  const ringWidth = size * 0.035
  const ringR = c - ringWidth / 2 - size * 0.01
  const chars = [...spec.text.trim()]
  const arc = arcDegreesFor(chars.length)
  const textRadius = ringR - ringWidth / 2 - size * 0.1
  const step = chars.length > 1 ? rad(arc / (chars.length - 1)) * textRadius : size
  const fontSize = Math.min(size * 0.15, step * 0.92)
  const angles = arcAngles(chars.length, arc)
  const outer = size * 0.15
  const purposeText = spec.purpose.trim()
  const purposeSize = size * 0.095
  return {
    size,
    color: spec.color ?? SEAL_RED,
    rings: [{ cx: c, cy: c, r: ringR, strokeWidth: ringWidth }],
    textRadius,
    arcDegrees: chars.length > 1 ? arc : 0,
    chars: chars.map((char, i) => ({
      char,
      x: c + textRadius * Math.sin(rad(angles[i])),
      y: c - textRadius * Math.cos(rad(angles[i])),
      rotation: angles[i],
      fontSize
    })),
    star: { cx: c, cy: c, outerRadius: outer, innerRadius: outer * STAR_INNER_RATIO, points: starPoints(c, c, outer) },
    purpose: purposeText
      ? {
          text: purposeText,
          x: c,
          y: c + size * 0.27,
          fontSize: purposeSize,
          textLength: Math.min(size * 0.52, [...purposeText].length * purposeSize)
        }
      : null
  }
}
