/**
 * Deterministic pen recordings for the signature-pad benchmark (bench/pad.js): what an
 * 800 x 340 CSS px pad records while someone writes line after line of cursive loops, as
 * pointer samples [x, y, t] (t in ms). A seeded PRNG makes every run replay the same points.
 *
 * - fast: ~1.6 px/ms average, samples every 8 ms (coalesced pointer events at 120 Hz)
 * - slow: ~0.35 px/ms average, samples every 16 ms (60 Hz touch events)
 *
 * Each stroke follows a minimum-jerk speed profile (slow at pen-down and pen-up, fastest in
 * the middle), with hand tremor and sampling jitter, like scripts/gen-stroke-fixtures.ts.
 */

// The project's one PRNG (src/domain/random.ts, mulberry32), loaded through tsx
const { randomFn: mulberry32 } = require('tsx/cjs/api').require('../src/domain/random.ts', __filename)

function gauss(rnd) {
  const u = Math.max(1e-9, rnd())
  const v = rnd()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** A cursive run of loops from (x0, y0), `span` px wide, as a dense polyline. */
function loopPath(rnd, x0, y0, span, loops, height) {
  const pts = []
  const n = 60 * loops
  const slant = 0.25 + rnd() * 0.2
  for (let i = 0; i <= n; i++) {
    const u = i / n
    const a = u * Math.PI * 2 * loops
    const r = height * (0.35 + 0.15 * Math.sin(u * 7 + rnd() * 0.05))
    const dy = -Math.cos(a) * r + r
    pts.push([x0 + span * u + Math.sin(a) * height * 0.22 + dy * slant, y0 - dy + Math.sin(u * Math.PI) * height * 0.15])
  }
  return pts
}

/** Samples a polyline in time: minimum-jerk position profile, average speed `speed` px/ms. */
function sampleStroke(rnd, path, speed, sampleMs, t0) {
  const cum = [0]
  for (let i = 1; i < path.length; i++) cum.push(cum[i - 1] + Math.hypot(path[i][0] - path[i - 1][0], path[i][1] - path[i - 1][1]))
  const L = cum[cum.length - 1]
  const T = Math.max(sampleMs * 3, L / speed)
  const out = []
  let j = 0
  for (let t = 0; ; t += sampleMs + (rnd() - 0.5) * 2) {
    const tau = Math.min(1, t / T)
    const s = L * (10 * tau ** 3 - 15 * tau ** 4 + 6 * tau ** 5)
    while (j < cum.length - 2 && cum[j + 1] < s) j++
    const f = cum[j + 1] > cum[j] ? (s - cum[j]) / (cum[j + 1] - cum[j]) : 0
    const x = path[j][0] + (path[j + 1][0] - path[j][0]) * f + gauss(rnd) * 0.3
    const y = path[j][1] + (path[j + 1][1] - path[j][1]) * f + gauss(rnd) * 0.3
    out.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10, Math.round(t0 + Math.min(t, T))])
    if (tau >= 1) break
  }
  return { points: out, duration: T }
}

/**
 * A recording of at least `minPoints` points: strokes of 2-5 loops written left to right,
 * line under line, wrapping back to the top of the pad.
 */
function recording({ name, seed, speed, sampleMs, minPoints, width = 800, height = 340 }) {
  const rnd = mulberry32(seed)
  const strokes = []
  let total = 0
  let t = 0
  let x = 40
  let line = 0
  while (total < minPoints) {
    const loops = 2 + Math.floor(rnd() * 4)
    const h = 40 + rnd() * 30
    const span = loops * (28 + rnd() * 16)
    if (x + span > width - 40) {
      x = 40
      line = (line + 1) % 3
    }
    const y0 = 100 + line * 95 + gauss(rnd) * 4
    const { points, duration } = sampleStroke(rnd, loopPath(rnd, x, y0, span, loops, h), speed, sampleMs, t)
    strokes.push(points)
    total += points.length
    x += span + 20 + rnd() * 20
    t += duration + 120 + rnd() * 180 // pen up, moving to the next stroke
  }
  return { name, width, height, speed, sampleMs, points: total, strokes }
}

const RECORDINGS = {
  fast: () => recording({ name: 'fast', seed: 20261121, speed: 1.6, sampleMs: 8, minPoints: 2400 }),
  slow: () => recording({ name: 'slow', seed: 20261122, speed: 0.35, sampleMs: 16, minPoints: 2400 })
}

module.exports = { recording, RECORDINGS }

if (require.main === module) {
  for (const make of Object.values(RECORDINGS)) {
    const r = make()
    const speeds = []
    for (const s of r.strokes)
      for (let i = 1; i < s.length; i++) speeds.push(Math.hypot(s[i][0] - s[i - 1][0], s[i][1] - s[i - 1][1]) / Math.max(1, s[i][2] - s[i - 1][2]))
    console.log(r.name, r.strokes.length, 'strokes', r.points, 'points', 'mean speed', (speeds.reduce((a, b) => a + b, 0) / speeds.length).toFixed(2), 'px/ms')
  }
}
