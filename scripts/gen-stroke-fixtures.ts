/**
 * Generates the recorded-stroke fixtures in __tests__/fixtures/strokes/ (deterministic: a
 * seeded PRNG, so re-running gives identical files).
 *
 *   npx tsx scripts/gen-stroke-fixtures.ts
 *
 * Each fixture is what a pad of `width` x `height` CSS px would record: per stroke the raw
 * pointer samples [x, y, t] at ~60 Hz (t in ms from the first touch), with hand tremor,
 * sampling jitter and a minimum-jerk speed profile per stroke (slow at pen-down and pen-up,
 * fastest mid-stroke), as real touch input looks.
 *
 * - signature-fast:  张三 in running hand, few connected strokes, ~1.6 px/ms average
 * - signature-slow:  张三 in careful regular hand, 10 strokes, ~0.35 px/ms average
 * - straight-line:   one long horizontal dash
 * - tiny-dot:        a tap that barely moves
 * - zigzag:          one stroke of straight segments with sharp turns (a scribble)
 */
import * as fs from 'fs'
import * as path from 'path'
import { randomFn as mulberry32 } from '../src/domain/random'

type P = [number, number]

export interface StrokeFixture {
  name: string
  description: string
  seed: number
  width: number
  height: number
  /** per stroke: [x, y, t] samples; t in ms from the first sample of the fixture */
  strokes: [number, number, number][][]
}

const OUT_DIR = path.join(__dirname, '..', '__tests__', 'fixtures', 'strokes')
const PAD = { width: 800, height: 340 }
const SAMPLE_MS = 16

function gauss(rnd: () => number): number {
  // Box-Muller
  const u = Math.max(1e-9, rnd())
  const v = rnd()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Dense polyline through the control points (uniform Catmull-Rom) or straight between them. */
function densePath(ctrl: P[], curved: boolean): P[] {
  const out: P[] = []
  const n = ctrl.length
  if (n === 1) return [ctrl[0]]
  for (let i = 0; i < n - 1; i++) {
    const p0 = ctrl[Math.max(0, i - 1)]
    const p1 = ctrl[i]
    const p2 = ctrl[i + 1]
    const p3 = ctrl[Math.min(n - 1, i + 2)]
    const steps = 40
    for (let k = 0; k < steps; k++) {
      const t = k / steps
      if (!curved) {
        out.push([p1[0] + (p2[0] - p1[0]) * t, p1[1] + (p2[1] - p1[1]) * t])
        continue
      }
      const t2 = t * t
      const t3 = t2 * t
      const f = (a: number, b: number, c: number, d: number) => 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3)
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])])
    }
  }
  out.push(ctrl[n - 1])
  return out
}

function cumulative(path: P[]): number[] {
  const acc = [0]
  for (let i = 1; i < path.length; i++) acc.push(acc[i - 1] + Math.hypot(path[i][0] - path[i - 1][0], path[i][1] - path[i - 1][1]))
  return acc
}

function at(path: P[], acc: number[], s: number): P {
  const total = acc[acc.length - 1]
  const d = Math.max(0, Math.min(total, s))
  let i = 1
  while (i < acc.length - 1 && acc[i] < d) i++
  const seg = acc[i] - acc[i - 1] || 1
  const t = (d - acc[i - 1]) / seg
  return [path[i - 1][0] + (path[i][0] - path[i - 1][0]) * t, path[i - 1][1] + (path[i][1] - path[i - 1][1]) * t]
}

/** Minimum-jerk progress 0..1 over normalised time 0..1. */
function minJerk(u: number): number {
  return u * u * u * (10 - 15 * u + 6 * u * u)
}

interface PenStyle {
  /** average speed, px/ms */
  speed: number
  /** tremor, px (std dev) */
  tremor: number
}

/**
 * Samples one stroke along `path`. With `stopAtCorners` the pen decelerates to a halt at
 * every control point (straight segments joined by sharp turns), else it runs one profile.
 */
function sampleStroke(pieces: P[][], style: PenStyle, t0: number, rnd: () => number): [number, number, number][] {
  const out: [number, number, number][] = []
  let t = t0
  let driftX = 0
  let driftY = 0
  pieces.forEach((piece, pi) => {
    const acc = cumulative(piece)
    const total = acc[acc.length - 1]
    const duration = Math.max(SAMPLE_MS * 2, total / style.speed)
    let elapsed = pi === 0 ? 0 : SAMPLE_MS * (0.3 + rnd() * 0.7)
    while (elapsed < duration) {
      const [x, y] = at(piece, acc, minJerk(elapsed / duration) * total)
      driftX = driftX * 0.7 + gauss(rnd) * style.tremor * 0.5
      driftY = driftY * 0.7 + gauss(rnd) * style.tremor * 0.5
      out.push([x + driftX, y + driftY, t + elapsed])
      elapsed += SAMPLE_MS + (rnd() - 0.5) * 4
    }
    const end = piece[piece.length - 1]
    out.push([end[0] + driftX * 0.5, end[1] + driftY * 0.5, t + duration])
    t += duration
  })
  return out.map(([x, y, tt]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10, Math.round(tt)])
}

/** Character-box control points (0..100) to pad coordinates, each point nudged a little. */
function place(ctrl: P[], box: { x: number; y: number; size: number; slant: number }, rnd: () => number, wobble: number): P[] {
  return ctrl.map(([u, v]) => {
    const x = box.x + ((u + gauss(rnd) * wobble) * box.size) / 100
    const y = box.y + ((v + gauss(rnd) * wobble) * box.size) / 100
    // slant: shift to the right the higher up the point is
    return [x + (box.size - (y - box.y)) * box.slant, y]
  })
}

export function signature(seed: number, kind: 'fast' | 'slow'): StrokeFixture {
  const rnd = mulberry32(seed)
  const fast = kind === 'fast'
  const style: PenStyle = fast ? { speed: 1.6, tremor: 0.25 } : { speed: 0.35, tremor: 0.45 }
  const size = fast ? 150 : 125
  const zhang = { x: fast ? 210 : 235, y: fast ? 90 : 100, size, slant: fast ? 0.12 : 0.03 }
  const san = { x: zhang.x + size * 1.12, y: zhang.y + 4, size, slant: zhang.slant }
  const wobble = fast ? 2.5 : 1.5

  // running hand: connected strokes
  const fastStrokes: { ctrl: P[]; box: typeof zhang }[] = [
    // 弓 in one stroke
    {
      ctrl: [
        [12, 18],
        [38, 15],
        [34, 34],
        [14, 39],
        [12, 56],
        [38, 54],
        [35, 80],
        [22, 88]
      ],
      box: zhang
    },
    // 长: vertical with lift
    {
      ctrl: [
        [60, 8],
        [58, 56],
        [67, 70]
      ],
      box: zhang
    },
    // 长: sweep, bar, and the long falling stroke, connected
    {
      ctrl: [
        [88, 12],
        [66, 36],
        [52, 49],
        [96, 44],
        [70, 58],
        [84, 76],
        [102, 90]
      ],
      box: zhang
    },
    // 三 in one connected stroke
    {
      ctrl: [
        [10, 24],
        [70, 17],
        [30, 46],
        [76, 46],
        [18, 80],
        [98, 73]
      ],
      box: san
    }
  ]
  // regular hand: separate strokes, each with the curvature a hand gives it
  const slowStrokes: { ctrl: P[]; box: typeof zhang }[] = [
    {
      ctrl: [
        [12, 18],
        [26, 17],
        [38, 16],
        [37, 25],
        [35, 33]
      ],
      box: zhang
    },
    {
      ctrl: [
        [15, 36],
        [25, 37],
        [35, 36]
      ],
      box: zhang
    },
    {
      ctrl: [
        [14, 38],
        [13, 47],
        [12, 56],
        [26, 55],
        [38, 55],
        [37, 70],
        [34, 82],
        [29, 88],
        [23, 84]
      ],
      box: zhang
    },
    {
      ctrl: [
        [60, 10],
        [59, 30],
        [58, 50],
        [59, 62],
        [66, 58]
      ],
      box: zhang
    },
    {
      ctrl: [
        [88, 14],
        [80, 24],
        [71, 31],
        [62, 36]
      ],
      box: zhang
    },
    {
      ctrl: [
        [50, 49],
        [73, 47],
        [96, 46]
      ],
      box: zhang
    },
    {
      ctrl: [
        [64, 54],
        [72, 64],
        [80, 74],
        [90, 83],
        [100, 88]
      ],
      box: zhang
    },
    {
      ctrl: [
        [16, 22],
        [48, 18],
        [82, 22]
      ],
      box: san
    },
    {
      ctrl: [
        [24, 50],
        [50, 47],
        [74, 51]
      ],
      box: san
    },
    {
      ctrl: [
        [8, 83],
        [38, 80],
        [70, 78],
        [94, 81]
      ],
      box: san
    }
  ]
  const list = fast ? fastStrokes : slowStrokes
  const strokes: [number, number, number][][] = []
  let t = 0
  for (const s of list) {
    const path = densePath(place(s.ctrl, s.box, rnd, wobble), true)
    const stroke = sampleStroke([path], style, t, rnd)
    strokes.push(stroke)
    t = stroke[stroke.length - 1][2] + (fast ? 90 + rnd() * 120 : 280 + rnd() * 320)
  }
  return {
    name: `signature-${kind}`,
    description: fast
      ? '张三 in running hand: 4 connected strokes written fast (~1.6 px/ms average)'
      : '张三 in careful regular hand: 10 separate strokes written slowly (~0.35 px/ms average)',
    seed,
    ...PAD,
    strokes
  }
}

export function straightLine(seed: number): StrokeFixture {
  const rnd = mulberry32(seed)
  const path = densePath(
    [
      [180, 182],
      [620, 176]
    ],
    false
  )
  return {
    name: 'straight-line',
    description: 'one horizontal dash across most of the pad (a line, not a signature)',
    seed,
    ...PAD,
    strokes: [sampleStroke([path], { speed: 1.2, tremor: 0.3 }, 0, rnd)]
  }
}

export function tinyDot(seed: number): StrokeFixture {
  const rnd = mulberry32(seed)
  const pts: [number, number, number][] = [[400, 170, 0]]
  for (let i = 1; i <= 3; i++) pts.push([Math.round((400 + gauss(rnd) * 0.6) * 10) / 10, Math.round((170 + gauss(rnd) * 0.6) * 10) / 10, i * SAMPLE_MS])
  return { name: 'tiny-dot', description: 'a tap that barely moves', seed, ...PAD, strokes: [pts] }
}

export function zigzag(seed: number): StrokeFixture {
  const rnd = mulberry32(seed)
  const corners: P[] = []
  for (let i = 0; i <= 8; i++) corners.push([170 + i * 55, i % 2 === 0 ? 140 : 225])
  // straight pieces; the hand slows down and turns at every corner
  const pieces = corners.slice(1).map((c, i) => densePath([corners[i], c], false))
  return {
    name: 'zigzag',
    description: 'one stroke of 8 straight segments joined by sharp turns (a scribble, not a signature)',
    seed,
    ...PAD,
    strokes: [sampleStroke(pieces, { speed: 1.0, tremor: 0.3 }, 0, rnd)]
  }
}

export function generateAll(): StrokeFixture[] {
  return [signature(11, 'fast'), signature(23, 'slow'), straightLine(31), tinyDot(41), zigzag(53)]
}

function writeFixture(f: StrokeFixture): string {
  // one stroke per line keeps diffs readable
  const strokes = f.strokes.map((s) => '    ' + JSON.stringify(s)).join(',\n')
  const head = JSON.stringify({ name: f.name, description: f.description, seed: f.seed, width: f.width, height: f.height }, null, 2)
  return head.replace(/\n}$/, `,\n  "strokes": [\n${strokes}\n  ]\n}\n`)
}

if (require.main === module) {
  fs.mkdirSync(OUT_DIR, { recursive: true })
  for (const f of generateAll()) {
    const file = path.join(OUT_DIR, `${f.name}.json`)
    fs.writeFileSync(file, writeFixture(f))
    const points = f.strokes.reduce((n, s) => n + s.length, 0)
    console.log(`${path.relative(process.cwd(), file)}: ${f.strokes.length} strokes, ${points} points`)
  }
}
