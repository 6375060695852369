import fs from 'fs'
import path from 'path'
import { SignaturePadCore, type PadContext2D, type SignatureData } from '@/domain/signature'

export interface StrokeFixture {
  name: string
  description: string
  seed: number
  width: number
  height: number
  strokes: [number, number, number][][]
}

export const FIXTURE_NAMES = ['signature-fast', 'signature-slow', 'straight-line', 'tiny-dot', 'zigzag'] as const
export type FixtureName = (typeof FIXTURE_NAMES)[number]

export function loadFixture(name: FixtureName): StrokeFixture {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'strokes', `${name}.json`)
  return JSON.parse(fs.readFileSync(file, 'utf8')) as StrokeFixture
}

export interface Call {
  op: string
  args: number[]
}

/** A 2D context that records every call (and fillStyle sets as 'fillStyle'). */
export class RecordingContext implements PadContext2D {
  calls: Call[] = []
  private style: unknown = '#000'
  get fillStyle(): unknown {
    return this.style
  }
  set fillStyle(v: unknown) {
    this.style = v
    this.calls.push({ op: 'fillStyle', args: [] })
  }
  beginPath() {
    this.calls.push({ op: 'beginPath', args: [] })
  }
  closePath() {
    this.calls.push({ op: 'closePath', args: [] })
  }
  moveTo(x: number, y: number) {
    this.calls.push({ op: 'moveTo', args: [x, y] })
  }
  lineTo(x: number, y: number) {
    this.calls.push({ op: 'lineTo', args: [x, y] })
  }
  arc(x: number, y: number, r: number, a0: number, a1: number) {
    this.calls.push({ op: 'arc', args: [x, y, r, a0, a1] })
  }
  fill() {
    this.calls.push({ op: 'fill', args: [] })
  }
  clearRect(x: number, y: number, w: number, h: number) {
    this.calls.push({ op: 'clearRect', args: [x, y, w, h] })
  }
  reset() {
    this.calls = []
  }
  count(op: string) {
    return this.calls.filter((c) => c.op === op).length
  }
}

/** Plays a fixture into a core (begin, every move, end), as the platform input would. */
export function play(core: SignaturePadCore, f: StrokeFixture, scale = 1): void {
  for (const s of f.strokes) {
    core.begin(s[0][0] * scale, s[0][1] * scale, s[0][2])
    for (const p of s.slice(1)) core.move(p[0] * scale, p[1] * scale, p[2])
    core.end()
  }
}

/** The fixture as captured by a core on a pad of its size (widths computed, tips added). */
export function capture(name: FixtureName, scale = 1): SignatureData {
  const f = loadFixture(name)
  const core = new SignaturePadCore({ ctx: new RecordingContext(), width: f.width * scale, height: f.height * scale })
  play(core, f, scale)
  return core.toData()
}

/** mulberry32 */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
