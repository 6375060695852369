import { brushTip, DEFAULT_PEN, startWidth, VelocityWidthFilter, widthForSpeed, type SignaturePoint } from '@/domain/signature'
import { capture } from './helpers'

const pen = DEFAULT_PEN

function meanWidth(points: SignaturePoint[]): number {
  return points.reduce((s, p) => s + p.w, 0) / points.length
}

describe('velocity-based width', () => {
  test('width falls monotonically with speed, from maxWidth (still) towards minWidth (very fast)', () => {
    const speeds = [0, 0.1, 0.3, 0.6, 1, 2, 4, 10]
    const widths = speeds.map((v) => widthForSpeed(v, pen))
    expect(widths[0]).toBeCloseTo(pen.maxWidth)
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1])
    expect(widths[widths.length - 1]).toBeGreaterThan(pen.minWidth)
    expect(widths[widths.length - 1]).toBeLessThan(pen.minWidth + 0.5)
    expect(widthForSpeed(pen.halfWidthSpeed, pen)).toBeCloseTo((pen.minWidth + pen.maxWidth) / 2)
  })

  test('the filter narrows the line as the same path is written faster', () => {
    const run = (msPerPoint: number) => {
      const f = new VelocityWidthFilter(pen)
      const out = [f.begin(0, 0, 0)]
      for (let i = 1; i <= 30; i++) {
        const p = f.next(i * 6, Math.sin(i / 3) * 10, i * msPerPoint)
        if (p) out.push(p)
      }
      return out
    }
    const slow = run(40) // 0.15 px/ms
    const fast = run(4) // 1.5+ px/ms
    expect(meanWidth(fast)).toBeLessThan(meanWidth(slow) * 0.7)
    expect(slow[slow.length - 1].w).toBeGreaterThan(3.5)
    expect(fast[fast.length - 1].w).toBeLessThan(2.6)
  })

  test('accelerating within one stroke thins it, slowing down thickens it again', () => {
    const f = new VelocityWidthFilter(pen)
    f.begin(0, 0, 0)
    let x = 0
    let t = 0
    const widths: number[] = []
    const step = (dx: number, dt: number) => {
      x += dx
      t += dt
      const p = f.next(x, 0, t)
      if (p) widths.push(p.w)
    }
    for (let i = 0; i < 10; i++) step(3, 30) // slow
    const slowW = widths[widths.length - 1]
    for (let i = 0; i < 10; i++) step(30, 12) // fast
    const fastW = widths[widths.length - 1]
    for (let i = 0; i < 15; i++) step(3, 30) // slow again
    const againW = widths[widths.length - 1]
    expect(fastW).toBeLessThan(slowW * 0.6)
    expect(againW).toBeGreaterThan(fastW * 1.5)
  })

  test('points closer than minDistance are dropped (a resting finger adds nothing)', () => {
    const f = new VelocityWidthFilter(pen)
    f.begin(10, 10, 0)
    expect(f.next(10.5, 10.5, 16)).toBeNull()
    expect(f.next(11, 10.2, 32)).toBeNull()
    const p = f.next(13, 10, 48)
    expect(p).not.toBeNull()
    expect(p!.x).toBe(13)
  })

  test('a stroke starts at the middle width', () => {
    expect(new VelocityWidthFilter(pen).begin(0, 0, 0).w).toBeCloseTo(startWidth(pen))
  })

  test('recorded fixtures: the fast signature is written with thinner ink than the slow one', () => {
    const fast = capture('signature-fast').strokes.flatMap((s) => s.points)
    const slow = capture('signature-slow').strokes.flatMap((s) => s.points)
    expect(meanWidth(fast)).toBeLessThan(meanWidth(slow))
    expect(meanWidth(slow)).toBeGreaterThan(3)
    for (const p of [...fast, ...slow]) {
      expect(p.w).toBeGreaterThan(0)
      expect(p.w).toBeLessThanOrEqual(pen.maxWidth)
    }
  })
})

describe('brush tip (笔锋)', () => {
  const line = (n: number, dx: number): SignaturePoint[] => Array.from({ length: n }, (_, i) => ({ x: i * dx, y: 0, t: i * 16, w: 2 }))

  test('a fast pen-up leaves a tapered tail along the last direction', () => {
    const tail = brushTip(line(5, 20), 1.5, pen)
    expect(tail).toHaveLength(2)
    expect(tail[0].x).toBeGreaterThan(80)
    expect(tail[1].x).toBeGreaterThan(tail[0].x)
    expect(tail[0].y).toBeCloseTo(0)
    expect(tail[0].w).toBeLessThan(2)
    expect(tail[1].w).toBeLessThan(tail[0].w)
    expect(tail[1].w).toBeLessThanOrEqual(0.3 + 1e-9)
    // never longer than 4 x maxWidth
    expect(tail[1].x - 80).toBeLessThanOrEqual(pen.maxWidth * 4 + 1e-9)
  })

  test('a slow pen-up ends round: no tail', () => {
    expect(brushTip(line(5, 2), 0.1, pen)).toEqual([])
  })

  test('too short a stroke gets no tail', () => {
    expect(brushTip(line(2, 20), 2, pen)).toEqual([])
  })
})
