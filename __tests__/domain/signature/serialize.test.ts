import { decodeSignature, encodeSignature, SERIAL_VERSION, type SignatureData } from '@/domain/signature'
import { capture, FIXTURE_NAMES } from './helpers'

describe('serialisation', () => {
  test.each(FIXTURE_NAMES.map((n) => [n]))('%s survives a round trip (to 0.05 px, exact ms)', (name) => {
    const d = capture(name)
    const back = decodeSignature(encodeSignature(d)) as SignatureData
    expect(back).not.toBeNull()
    expect(back.width).toBeCloseTo(d.width, 2)
    expect(back.height).toBeCloseTo(d.height, 2)
    expect(back.strokes).toHaveLength(d.strokes.length)
    back.strokes.forEach((s, i) => {
      expect(s.points).toHaveLength(d.strokes[i].points.length)
      s.points.forEach((p, j) => {
        const q = d.strokes[i].points[j]
        expect(Math.abs(p.x - q.x)).toBeLessThanOrEqual(0.05 + 1e-9)
        expect(Math.abs(p.y - q.y)).toBeLessThanOrEqual(0.05 + 1e-9)
        expect(Math.abs(p.w - q.w)).toBeLessThanOrEqual(0.05 + 1e-9)
        expect(p.t).toBe(Math.round(q.t))
      })
    })
    // a second round trip changes nothing
    expect(encodeSignature(back)).toBe(encodeSignature(d))
  })

  test('compact: a signature is a few KB at most', () => {
    const text = encodeSignature(capture('signature-slow'))
    expect(text.length).toBeLessThan(4000)
    expect(JSON.parse(text).v).toBe(SERIAL_VERSION)
  })

  test('absolute clock times are kept (relative to t0)', () => {
    const t0 = 1_763_690_400_000
    const d: SignatureData = {
      width: 100,
      height: 50,
      strokes: [
        {
          points: [
            { x: 1, y: 2, t: t0, w: 2 },
            { x: 5, y: 6, t: t0 + 20, w: 2.5 }
          ]
        }
      ]
    }
    expect(decodeSignature(encodeSignature(d))?.strokes[0].points[1].t).toBe(t0 + 20)
  })

  test.each([
    ['empty', ''],
    ['not JSON', '{oops'],
    ['wrong version', JSON.stringify({ v: 99, w: 1, h: 1, t0: 0, s: [] })],
    ['bad size', JSON.stringify({ v: 1, w: 0, h: 1, t0: 0, s: [] })],
    ['ragged stroke', JSON.stringify({ v: 1, w: 10, h: 10, t0: 0, s: [[1, 2, 3]] })],
    ['non-integer', JSON.stringify({ v: 1, w: 10, h: 10, t0: 0, s: [[1, 2, 3, 4.5]] })],
    ['zero width', JSON.stringify({ v: 1, w: 10, h: 10, t0: 0, s: [[1, 2, 3, 0]] })]
  ])('malformed input (%s) decodes to null', (_label, text) => {
    expect(decodeSignature(text)).toBeNull()
  })
})
