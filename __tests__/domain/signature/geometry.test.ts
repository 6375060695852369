import {
  fitData,
  inkLength,
  maxChordDeviation,
  pointBounds,
  polylineLength,
  resample,
  rotateData,
  rotatePoint,
  splitAtCorners,
  transformData,
  type SignatureData
} from '@/domain/signature'
import { capture } from './helpers'

const sample: SignatureData = {
  width: 800,
  height: 300,
  strokes: [
    {
      points: [
        { x: 100, y: 50, t: 0, w: 2 },
        { x: 130, y: 90, t: 16, w: 3 }
      ]
    },
    { points: [{ x: 400, y: 200, t: 100, w: 2.5 }] }
  ]
}

describe('bounds and lengths', () => {
  test('point bounds and ink length', () => {
    expect(pointBounds(sample.strokes)).toEqual({ minX: 100, minY: 50, maxX: 400, maxY: 200 })
    expect(pointBounds([])).toBeNull()
    expect(inkLength(sample.strokes)).toBeCloseTo(50)
    expect(
      polylineLength([
        { x: 0, y: 0 },
        { x: 3, y: 4 },
        { x: 3, y: 10 }
      ])
    ).toBeCloseTo(11)
  })

  test('resampling keeps the ends and spaces points evenly', () => {
    const r = resample(
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 7 }
      ],
      2
    )
    expect(r[0]).toEqual({ x: 0, y: 0 })
    expect(r[r.length - 1]).toEqual({ x: 10, y: 7 })
    for (let i = 1; i < r.length - 1; i++) {
      // along the path, consecutive samples are `spacing` apart (straight-line distance <= 2)
      expect(Math.hypot(r[i].x - r[i - 1].x, r[i].y - r[i - 1].y)).toBeLessThanOrEqual(2 + 1e-9)
    }
    expect(r.length).toBe(9 + 1)
  })

  test('chord deviation and corner splitting', () => {
    expect(
      maxChordDeviation([
        { x: 0, y: 0 },
        { x: 5, y: 3 },
        { x: 10, y: 0 }
      ])
    ).toBeCloseTo(3)
    const zig = resample(
      [
        { x: 0, y: 0 },
        { x: 40, y: 60 },
        { x: 80, y: 0 },
        { x: 120, y: 60 }
      ],
      2
    )
    expect(splitAtCorners(zig, 3, 50)).toHaveLength(3)
    const arc = resample(
      Array.from({ length: 40 }, (_, i) => ({ x: Math.cos(i / 20) * 100, y: Math.sin(i / 20) * 100 })),
      2
    )
    expect(splitAtCorners(arc, 3, 50)).toHaveLength(1)
  })
})

describe('transforms', () => {
  test('transformData moves, scales and re-widths every point', () => {
    const t = transformData(sample, { scale: 2, dx: 10, dy: -5, width: 1600, height: 600 })
    expect(t.width).toBe(1600)
    expect(t.strokes[0].points[1]).toEqual({ x: 270, y: 175, t: 16, w: 6 })
  })

  test('fitData keeps the shape, scales to the new pad and centres as before', () => {
    const same = fitData(sample, 800, 300)
    expect(same.strokes).toEqual(sample.strokes)
    const half = fitData(sample, 400, 150)
    expect(half.strokes[0].points[0]).toEqual({ x: 50, y: 25, t: 0, w: 1 })
    // taller pad (a rotation to portrait): width limits the scale, extra height split evenly
    const tall = fitData(sample, 300, 800)
    const s = 300 / 800
    expect(tall.strokes[1].points[0].x).toBeCloseTo(400 * s)
    expect(tall.strokes[1].points[0].y).toBeCloseTo(200 * s + (800 - 300 * s) / 2)
    expect(tall.width).toBe(300)
    expect(tall.height).toBe(800)
  })

  test('a quarter turn clockwise maps a point where it should', () => {
    // 800 x 300 frame turned clockwise becomes 300 x 800; top-left goes to top-right
    expect(rotatePoint({ x: 0, y: 0 }, 1, 800, 300)).toEqual({ x: 300, y: 0, width: 300, height: 800 })
    expect(rotatePoint({ x: 800, y: 0 }, 1, 800, 300)).toEqual({ x: 300, y: 800, width: 300, height: 800 })
    expect(rotatePoint({ x: 100, y: 50 }, 1, 800, 300)).toEqual({ x: 250, y: 100, width: 300, height: 800 })
    // half turn: point reflected through the centre
    expect(rotatePoint({ x: 100, y: 50 }, 2, 800, 300)).toEqual({ x: 700, y: 250, width: 800, height: 300 })
    // counter-clockwise undoes clockwise
    const r = rotatePoint({ x: 100, y: 50 }, 1, 800, 300)
    expect(rotatePoint(r, -1, r.width, r.height)).toEqual({ x: 100, y: 50, width: 800, height: 300 })
  })

  test('rotating a recorded signature four times gives it back', () => {
    const d = capture('signature-slow')
    let r = d
    for (let i = 0; i < 4; i++) r = rotateData(r, 1)
    expect(r.width).toBe(d.width)
    expect(r.height).toBe(d.height)
    r.strokes.forEach((s, i) =>
      s.points.forEach((p, j) => {
        const q = d.strokes[i].points[j]
        expect(p.x).toBeCloseTo(q.x, 9)
        expect(p.y).toBeCloseTo(q.y, 9)
        expect(p.w).toBe(q.w)
      })
    )
    // and one turn keeps lengths, swaps the frame
    const once = rotateData(d, 1)
    expect(once.width).toBe(d.height)
    expect(inkLength(once.strokes)).toBeCloseTo(inkLength(d.strokes), 6)
  })
})
