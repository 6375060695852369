import { CORNER_COS, MAX_SAMPLES, pointOnSegment, sampleCount, segmentAt, segmentLength, tangentAt, type SignaturePoint, type Vec } from '@/domain/signature'
import { capture } from './helpers'

function pt(x: number, y: number): SignaturePoint {
  return { x, y, t: 0, w: 2 }
}

function distToSegment(p: Vec, a: Vec, b: Vec): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const l2 = dx * dx + dy * dy
  const t = l2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0
  return Math.hypot(p.x - (a.x + dx * t), p.y - (a.y + dy * t))
}

describe('Bézier smoothing', () => {
  test('each curve starts and ends exactly on its two captured points', () => {
    const pts = [pt(0, 0), pt(10, 5), pt(20, 0), pt(30, 8), pt(35, 20)]
    for (let i = 0; i + 1 < pts.length; i++) {
      const s = segmentAt(pts, i)
      expect(pointOnSegment(s, 0)).toEqual({ x: pts[i].x, y: pts[i].y })
      const end = pointOnSegment(s, 1)
      expect(end.x).toBeCloseTo(pts[i + 1].x, 9)
      expect(end.y).toBeCloseTo(pts[i + 1].y, 9)
    }
  })

  test('neighbouring curves meet with the same tangent (smooth joins)', () => {
    const pts = [pt(0, 0), pt(10, 6), pt(22, 4), pt(30, 12)]
    const s1 = segmentAt(pts, 0)
    const s2 = segmentAt(pts, 1)
    // arriving direction of s1 at pts[1] vs leaving direction of s2
    const arrive = { x: s1.b.x - s1.c2.x, y: s1.b.y - s1.c2.y }
    const leave = { x: s2.c1.x - s2.a.x, y: s2.c1.y - s2.a.y }
    const cross = arrive.x * leave.y - arrive.y * leave.x
    expect(Math.abs(cross) / (Math.hypot(arrive.x, arrive.y) * Math.hypot(leave.x, leave.y))).toBeLessThan(1e-9)
  })

  test('sharp turns stay corners: no loop beyond the turning point', () => {
    // a zig-zag tip: in along +x/+y, out along +x/-y (about 116 degrees)
    const pts = [pt(0, 0), pt(50, 80), pt(100, 0)]
    expect(tangentAt(pts, 1, 'in')).toEqual({ x: 50 / Math.hypot(50, 80), y: 80 / Math.hypot(50, 80) })
    for (const i of [0, 1]) {
      const s = segmentAt(pts, i)
      for (let k = 0; k <= 50; k++) expect(pointOnSegment(s, k / 50).y).toBeLessThanOrEqual(80 + 1e-9)
    }
    expect(CORNER_COS).toBeLessThan(0)
  })

  test('on the recorded signatures the smoothed curve passes near the captured polyline', () => {
    for (const name of ['signature-fast', 'signature-slow'] as const) {
      for (const stroke of capture(name).strokes) {
        const pts = stroke.points
        for (let i = 0; i + 1 < pts.length; i++) {
          const s = segmentAt(pts, i)
          const chord = Math.hypot(pts[i + 1].x - pts[i].x, pts[i + 1].y - pts[i].y)
          for (let k = 1; k < 20; k++) {
            const p = pointOnSegment(s, k / 20)
            // never further from its chord than a quarter of the chord (no overshoot)
            expect(distToSegment(p, pts[i], pts[i + 1])).toBeLessThanOrEqual(chord * 0.25 + 1e-6)
          }
        }
      }
    }
  })

  test('drawing work per curve is bounded', () => {
    const long = segmentAt([pt(0, 0), pt(5000, 0)], 0)
    expect(segmentLength(long)).toBeCloseTo(5000, 0)
    expect(sampleCount(long)).toBe(MAX_SAMPLES)
    expect(sampleCount(segmentAt([pt(0, 0), pt(0.5, 0)], 0))).toBe(1)
  })
})
