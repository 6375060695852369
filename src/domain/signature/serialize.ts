import type { SignatureData, SignaturePoint, Stroke } from './types'

/**
 * Compact storage form of a signature (the draft kept while the user writes):
 *
 *   { "v": 1, "w": 812, "h": 330, "t0": 1763690400000,
 *     "s": [[x, y, t, w, dx, dy, dt, dw, ...], ...] }
 *
 * Per stroke one flat integer array: the first point absolute, every next one as the
 * difference to the previous. x, y and w are in tenths of a CSS px, t in ms relative to t0
 * (the first point's time). A typical signature of ~500 points is 6-9 KB of JSON.
 * Decoding validates everything and returns null for anything malformed.
 */
export const SERIAL_VERSION = 1

const Q = 10

interface Wire {
  v: number
  w: number
  h: number
  t0: number
  s: number[][]
}

export function encodeSignature(d: SignatureData): string {
  const first = d.strokes.find((s) => s.points.length)?.points[0]
  const t0 = first ? Math.round(first.t) : 0
  const s = d.strokes
    .filter((st) => st.points.length)
    .map((st) => {
      const out: number[] = []
      let px = 0
      let py = 0
      let pt = 0
      let pw = 0
      st.points.forEach((p, i) => {
        const x = Math.round(p.x * Q)
        const y = Math.round(p.y * Q)
        const t = Math.round(p.t) - t0
        const w = Math.max(1, Math.round(p.w * Q))
        if (i === 0) out.push(x, y, t, w)
        else out.push(x - px, y - py, t - pt, w - pw)
        px = x
        py = y
        pt = t
        pw = w
      })
      return out
    })
  const wire: Wire = { v: SERIAL_VERSION, w: round2(d.width), h: round2(d.height), t0, s }
  return JSON.stringify(wire)
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n)
}

function isPositive(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0
}

export function decodeSignature(text: string | null | undefined): SignatureData | null {
  if (!text) return null
  let wire: Wire
  try {
    wire = JSON.parse(text) as Wire
  } catch {
    return null
  }
  if (!wire || typeof wire !== 'object' || wire.v !== SERIAL_VERSION) return null
  if (!isPositive(wire.w) || !isPositive(wire.h) || !isInt(wire.t0) || !Array.isArray(wire.s)) return null
  const strokes: Stroke[] = []
  for (const arr of wire.s) {
    if (!Array.isArray(arr) || arr.length === 0 || arr.length % 4 !== 0 || !arr.every(isInt)) return null
    const points: SignaturePoint[] = []
    let x = 0
    let y = 0
    let t = 0
    let w = 0
    for (let i = 0; i < arr.length; i += 4) {
      if (i === 0) {
        x = arr[0]
        y = arr[1]
        t = arr[2]
        w = arr[3]
      } else {
        x += arr[i]
        y += arr[i + 1]
        t += arr[i + 2]
        w += arr[i + 3]
      }
      if (w <= 0) return null
      points.push({ x: x / Q, y: y / Q, t: t + wire.t0, w: w / Q })
    }
    strokes.push({ points })
  }
  return { width: wire.w, height: wire.h, strokes }
}
