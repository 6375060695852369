import { checkQuality, emptyData, fitData, QUALITY_LIMITS, QUALITY_MESSAGES, SignaturePadCore, type SignatureData } from '@/domain/signature'
import * as gen from '../../../scripts/gen-stroke-fixtures'
import { capture, play, prng, RecordingContext } from './helpers'

describe('quality check on recorded fixtures', () => {
  test.each([['signature-fast'], ['signature-slow']] as const)('%s is accepted', (name) => {
    const q = checkQuality(capture(name))
    expect(q.ok).toBe(true)
    expect(q.metrics.straight.curvedLength / q.metrics.straight.judgedLength).toBeGreaterThan(QUALITY_LIMITS.minCurvedShare)
  })

  test.each([
    ['tiny-dot', 'TOO_SMALL'],
    ['straight-line', 'STRAIGHT'],
    ['zigzag', 'STRAIGHT']
  ] as const)('%s is refused as %s, with the reason in Chinese', (name, code) => {
    const q = checkQuality(capture(name))
    expect(q.ok).toBe(false)
    if (q.ok) return
    expect(q.code).toBe(code)
    expect(q.message).toBe(QUALITY_MESSAGES[code])
    expect(q.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('an empty pad is refused as EMPTY', () => {
    const q = checkQuality(emptyData(800, 340))
    expect(q.ok).toBe(false)
    if (!q.ok) expect(q.message).toBe('请先在签名区域内书写签名')
  })

  test('limits are relative to the pad: the same strokes on a smaller or larger pad judge the same', () => {
    for (const scale of [0.5, 2]) {
      expect(checkQuality(capture('signature-fast', scale)).ok).toBe(true)
      expect(checkQuality(capture('signature-slow', scale)).ok).toBe(true)
      const line = checkQuality(capture('straight-line', scale))
      expect(!line.ok && line.code).toBe('STRAIGHT')
      const dot = checkQuality(capture('tiny-dot', scale))
      expect(!dot.ok && dot.code).toBe('TOO_SMALL')
    }
  })

  test('a real signature written very small on a big pad is too small', () => {
    const sig = capture('signature-slow')
    // the same pad, the signature shrunk to a fifth around its top-left
    const small: SignatureData = {
      ...sig,
      strokes: sig.strokes.map((s) => ({ points: s.points.map((p) => ({ ...p, x: 300 + (p.x - 300) / 5, y: 100 + (p.y - 100) / 5 })) }))
    }
    const q = checkQuality(small)
    expect(!q.ok && q.code).toBe('TOO_SMALL')
  })

  test('a cross of two straight strokes and a line scribbled back and forth are straight', () => {
    const pts = (coords: [number, number][]) => ({ points: coords.map(([x, y], i) => ({ x, y, t: i * 16, w: 2 })) })
    const cross: SignatureData = {
      width: 800,
      height: 340,
      strokes: [
        pts([
          [200, 80],
          [300, 160],
          [400, 240]
        ]),
        pts([
          [400, 80],
          [300, 160],
          [200, 240]
        ])
      ]
    }
    expect(checkQuality(cross).ok).toBe(false)
    const rnd = prng(5)
    const scribble: [number, number][] = []
    for (let i = 0; i < 12; i++) {
      scribble.push([200 + rnd() * 4, 170 + rnd() * 2])
      scribble.push([600 + rnd() * 4, 175 + rnd() * 2])
    }
    const q = checkQuality({ width: 800, height: 340, strokes: [pts(scribble)] })
    expect(!q.ok && q.code).toBe('STRAIGHT')
  })

  test('a flat band of small loops (not legible writing) is too small; a shallow wave is refused too', () => {
    const loops = Array.from({ length: 500 }, (_, i) => {
      const t = i / 4
      return { x: 150 + 3.2 * t - 7 * Math.sin(t), y: 170 - 6 * Math.cos(t), t: i * 8, w: 2 }
    })
    const q = checkQuality({ width: 800, height: 340, strokes: [{ points: loops }] })
    expect(q.metrics.straight.curvedLength).toBeGreaterThan(q.metrics.straight.judgedLength * 0.5)
    expect(!q.ok && q.code).toBe('TOO_SMALL')
    const wave = Array.from({ length: 120 }, (_, i) => ({ x: 150 + i * 4, y: 170 + Math.sin(i / 4) * 6, t: i * 16, w: 2 }))
    expect(checkQuality({ width: 800, height: 340, strokes: [{ points: wave }] }).ok).toBe(false)
  })

  test('a restored draft fitted to a rotated pad is still accepted', () => {
    expect(checkQuality(fitData(capture('signature-fast'), 340, 800)).ok).toBe(true)
  })
})

describe('quality check over many generated hands (scripts/gen-stroke-fixtures.ts, other seeds)', () => {
  const seeds = Array.from({ length: 25 }, (_, i) => 1000 + i * 7)
  const judge = (f: { width: number; height: number; strokes: [number, number, number][][] }) => {
    const fx = { name: 'x', description: '', seed: 0, ...f }
    const core = new SignaturePadCore({ ctx: new RecordingContext(), width: f.width, height: f.height })
    play(core, fx)
    return checkQuality(core.toData())
  }

  test('every generated signature, fast or slow, is accepted', () => {
    for (const seed of seeds) {
      expect([seed, judge(gen.signature(seed, 'fast')).ok]).toEqual([seed, true])
      expect([seed, judge(gen.signature(seed, 'slow')).ok]).toEqual([seed, true])
    }
  })

  test('every generated line and zig-zag is refused as straight, every dot as too small', () => {
    for (const seed of seeds) {
      const line = judge(gen.straightLine(seed))
      const zig = judge(gen.zigzag(seed))
      const dot = judge(gen.tinyDot(seed))
      expect([seed, !line.ok && line.code, !zig.ok && zig.code, !dot.ok && dot.code]).toEqual([seed, 'STRAIGHT', 'STRAIGHT', 'TOO_SMALL'])
    }
  })
})
