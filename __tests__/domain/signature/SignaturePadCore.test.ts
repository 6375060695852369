import { MAX_SAMPLES, SignaturePadCore, type PadChange } from '@/domain/signature'
import { capture, loadFixture, play, RecordingContext } from './helpers'

function makeCore(opts: { frames?: (() => void)[]; changes?: PadChange[] } = {}) {
  const ctx = new RecordingContext()
  let clock = 0
  const core = new SignaturePadCore({
    ctx,
    width: 800,
    height: 340,
    now: () => (clock += 16),
    requestFrame: opts.frames ? (cb) => void opts.frames!.push(cb) : undefined,
    onChange: (c) => opts.changes?.push(c)
  })
  return { core, ctx }
}

/** Calls one curve segment may make: beginPath, fillStyle, 5 per quad, moveTo+arc joint, fill. */
const MAX_CALLS_PER_SEGMENT = 2 + 5 * MAX_SAMPLES + 2 + 1

describe('SignaturePadCore: incremental drawing', () => {
  test('one move draws only the newly settled segment, never a redraw', () => {
    const { core, ctx } = makeCore()
    const f = loadFixture('signature-slow')
    const s = f.strokes[2]
    core.begin(s[0][0], s[0][1], s[0][2])
    const perMove: number[] = []
    for (const p of s.slice(1)) {
      ctx.reset()
      core.move(p[0], p[1], p[2])
      expect(ctx.count('clearRect')).toBe(0)
      expect(ctx.count('fill')).toBeLessThanOrEqual(1)
      perMove.push(ctx.calls.length)
    }
    expect(perMove.length).toBeGreaterThan(10)
    expect(Math.max(...perMove)).toBeLessThanOrEqual(MAX_CALLS_PER_SEGMENT)
    ctx.reset()
    core.end()
    expect(ctx.count('clearRect')).toBe(0)
  })

  test('the work of a move does not grow with the number of strokes already drawn', () => {
    const { core, ctx } = makeCore()
    play(core, loadFixture('signature-slow'))
    core.begin(100, 100, 10_000)
    core.move(110, 104, 10_016)
    core.move(121, 110, 10_032)
    ctx.reset()
    core.move(133, 118, 10_048)
    expect(ctx.count('clearRect')).toBe(0)
    expect(ctx.count('fill')).toBe(1)
    expect(ctx.calls.length).toBeLessThanOrEqual(MAX_CALLS_PER_SEGMENT)
  })

  test('incremental drawing and a full redraw paint exactly the same shapes', () => {
    const { core, ctx } = makeCore()
    play(core, loadFixture('signature-fast'))
    const live = ctx.calls.slice()
    ctx.reset()
    core.redraw()
    expect(ctx.calls[0].op).toBe('clearRect')
    expect(ctx.calls.slice(1)).toEqual(live)
  })

  test('a tap leaves a dot', () => {
    const { core, ctx } = makeCore()
    core.begin(50, 50, 0)
    core.end()
    expect(ctx.count('arc')).toBe(1)
    expect(core.strokeCount).toBe(1)
  })

  test('with a frame scheduler, moves are queued and drawn once per frame', () => {
    const frames: (() => void)[] = []
    const { core, ctx } = makeCore({ frames })
    core.begin(10, 10, 0)
    ctx.reset()
    for (let i = 1; i <= 6; i++) core.move(10 + i * 8, 10 + i * 3, i * 5)
    expect(ctx.calls).toHaveLength(0)
    expect(frames).toHaveLength(1)
    frames.shift()!()
    expect(ctx.count('fill')).toBe(5) // 7 points: segments 0-1 .. 4-5 are settled, 5-6 waits for the next
    core.end()
    expect(core.lastStroke().length).toBeGreaterThanOrEqual(7)
  })

  test('React-side notifications come once per stroke start/end, never per move', () => {
    const changes: PadChange[] = []
    const { core } = makeCore({ changes })
    play(core, loadFixture('signature-fast'))
    const f = loadFixture('signature-fast')
    const moves = f.strokes.reduce((n, s) => n + s.length - 1, 0)
    expect(moves).toBeGreaterThan(20)
    expect(changes).toEqual(f.strokes.flatMap(() => ['begin', 'end']))
  })
})

describe('SignaturePadCore: editing and data', () => {
  test('undo removes the last stroke and redraws the rest; clear wipes everything', () => {
    const changes: PadChange[] = []
    const { core, ctx } = makeCore({ changes })
    play(core, loadFixture('signature-slow'))
    const before = core.toData()
    ctx.reset()
    expect(core.undo()).toBe(true)
    expect(core.strokeCount).toBe(before.strokes.length - 1)
    expect(core.toData().strokes).toEqual(before.strokes.slice(0, -1))
    expect(ctx.calls[0].op).toBe('clearRect')
    expect(changes[changes.length - 1]).toBe('undo')
    core.clear()
    expect(core.isEmpty()).toBe(true)
    expect(core.undo()).toBe(false)
    expect(changes[changes.length - 1]).toBe('clear')
  })

  test('undo while the pen is down ends that stroke and removes it', () => {
    const { core } = makeCore()
    core.begin(10, 10, 0)
    core.move(40, 40, 20)
    expect(core.drawing).toBe(true)
    expect(core.undo()).toBe(true)
    expect(core.drawing).toBe(false)
    expect(core.isEmpty()).toBe(true)
  })

  test('toData / fromData round trip restores the strokes and redraws them', () => {
    const { core } = makeCore()
    play(core, loadFixture('signature-fast'))
    const data = core.toData()
    const other = makeCore()
    other.core.fromData(data)
    expect(other.core.toData()).toEqual(data)
    expect(other.ctx.count('clearRect')).toBe(1)
    expect(other.ctx.count('fill')).toBeGreaterThan(20)
    // toData is a copy
    data.strokes.pop()
    expect(other.core.strokeCount).toBe(data.strokes.length + 1)
  })

  test('a draft from another pad size is fitted to this pad', () => {
    const data = capture('signature-fast', 2) // drawn on a 1600 x 680 pad
    const { core } = makeCore()
    core.fromData(data)
    const p = core.toData().strokes[0].points[0]
    expect(p.x).toBeCloseTo(data.strokes[0].points[0].x / 2, 6)
    expect(p.w).toBeCloseTo(data.strokes[0].points[0].w / 2, 6)
  })

  test('resize scales the strokes to the new pad and redraws', () => {
    const { core, ctx } = makeCore()
    play(core, loadFixture('signature-slow'))
    const before = core.toData()
    ctx.reset()
    core.resize(400, 170)
    expect(core.width).toBe(400)
    expect(ctx.calls[0]).toEqual({ op: 'clearRect', args: [-1, -1, 402, 172] })
    const after = core.toData()
    expect(after.strokes[3].points[2].x).toBeCloseTo(before.strokes[3].points[2].x / 2, 6)
    expect(after.strokes[3].points[2].y).toBeCloseTo(before.strokes[3].points[2].y / 2, 6)
    // back to the old size: the same coordinates again
    core.resize(800, 340)
    expect(core.toData().strokes[3].points[2].x).toBeCloseTo(before.strokes[3].points[2].x, 6)
  })
})
