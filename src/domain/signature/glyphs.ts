/**
 * Glyph outlines for the system signature (系统签名): the verified name is drawn from the
 * outlines of one open-licence 楷体 (LXGW WenKai, src/generated/kai, made by
 * scripts/gen-kai-glyphs.ts), never from a device font, so it looks the same on every phone and
 * browser, and on machines with no CJK font at all.
 *
 * Written by hand: a font engine (fontkit, opentype.js) needs the whole font file (megabytes)
 * on the device; the generator runs one at build time and keeps only simplified polylines.
 *
 * Packed glyph (bytes, then base64): advance, contour count, then per contour its point count
 * and each point as a (dx, dy) delta from the previous point (across contours, from 0,0).
 * Counts are unsigned LEB128 varints, deltas zigzag varints. Coordinates are in grid units of
 * a KAI_GRID-unit em, y up from the baseline (as in the font).
 */
import { base64ToBytes } from '@/domain/base64'

/** Units per em of the packed outlines. */
export const KAI_GRID = 256
/**
 * The generated data comes in two tiers, each in shards by code point, so that a name loads only
 * the shards of its characters: tier a, the common characters (GB 2312 level 1, hanzi frequent
 * in names, ASCII, Chinese punctuation); tier b, the rest of GB 2312 level 2. WeChat bundles
 * tier a only (a subpackage is at most 2 MB); a character outside the loaded tiers is missing.
 */
export type KaiTier = 'a' | 'b'
export const KAI_TIERS: Record<KaiTier, number> = { a: 24, b: 16 }

export type GlyphContour = [number, number][]

export interface Glyph {
  advance: number
  contours: GlyphContour[]
}

export function kaiShardOf(ch: string, tier: KaiTier): number {
  return (ch.codePointAt(0) ?? 0) % KAI_TIERS[tier]
}

function pushVarint(out: number[], v: number): void {
  let n = v >>> 0
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80)
    n >>>= 7
  }
  out.push(n)
}

const zigzag = (v: number) => (v << 1) ^ (v >> 31)
const unzigzag = (n: number) => (n >>> 1) ^ -(n & 1)

export function encodeGlyph(advance: number, contours: GlyphContour[]): Uint8Array {
  const out: number[] = []
  pushVarint(out, advance)
  pushVarint(out, contours.length)
  let px = 0
  let py = 0
  for (const c of contours) {
    pushVarint(out, c.length)
    for (const [x, y] of c) {
      pushVarint(out, zigzag(x - px))
      pushVarint(out, zigzag(y - py))
      px = x
      py = y
    }
  }
  return Uint8Array.from(out)
}

export class GlyphFormatError extends Error {}

export function decodeGlyph(bytes: Uint8Array): Glyph {
  let i = 0
  const read = (): number => {
    let shift = 0
    let v = 0
    for (;;) {
      if (i >= bytes.length) throw new GlyphFormatError('glyph data ends early')
      const b = bytes[i++]
      v |= (b & 0x7f) << shift
      if (b < 0x80) return v >>> 0
      shift += 7
      if (shift > 28) throw new GlyphFormatError('glyph varint too long')
    }
  }
  const advance = read()
  const count = read()
  const contours: GlyphContour[] = []
  let px = 0
  let py = 0
  for (let c = 0; c < count; c++) {
    const n = read()
    const pts: GlyphContour = []
    for (let k = 0; k < n; k++) {
      px += unzigzag(read())
      py += unzigzag(read())
      pts.push([px, py])
    }
    contours.push(pts)
  }
  if (i !== bytes.length) throw new GlyphFormatError('trailing bytes after glyph')
  return { advance, contours }
}

/** Decodes one base64 glyph of a shard. */
export function decodeGlyphBase64(b64: string): Glyph {
  const bytes = base64ToBytes(b64)
  if (!bytes) throw new GlyphFormatError('glyph is not base64')
  return decodeGlyph(bytes)
}

/** Loads one shard of the generated data (a map of character to packed glyph). */
export type KaiShardLoader = (tier: KaiTier, shard: number) => Promise<Record<string, string>>

/** Advance of a space between name parts, in grid units. */
const SPACE_ADVANCE = Math.round(KAI_GRID * 0.3)

export interface GlyphLookup {
  glyphs: Map<string, Glyph>
  /** characters the data has no outline for, in order of first appearance */
  missing: string[]
}

/**
 * Loads the outlines of the characters of `text` (spaces need none), each shard once: tier a
 * first, then tier b for what tier a lacks.
 */
export async function loadGlyphs(text: string, loadShard: KaiShardLoader): Promise<GlyphLookup> {
  let wanted = Array.from(new Set(Array.from(text).filter((ch) => ch !== ' ')))
  const glyphs = new Map<string, Glyph>()
  for (const tier of ['a', 'b'] as const) {
    if (!wanted.length) break
    const loaded = new Map<number, Record<string, string>>()
    const shards = Array.from(new Set(wanted.map((ch) => kaiShardOf(ch, tier))))
    await Promise.all(shards.map(async (n) => loaded.set(n, await loadShard(tier, n))))
    wanted = wanted.filter((ch) => {
      const packed = loaded.get(kaiShardOf(ch, tier))?.[ch]
      if (packed) glyphs.set(ch, decodeGlyphBase64(packed))
      return !packed
    })
  }
  const order = Array.from(text)
  return { glyphs, missing: wanted.sort((x, y) => order.indexOf(x) - order.indexOf(y)) }
}

export interface PlacedText {
  /** closed polygons in px, y down, origin at the top left of the ink box plus `margin` */
  contours: GlyphContour[]
  width: number
  height: number
}

/**
 * Sets `text` at `emPx` px per em, left to right on one baseline, and returns its polygons
 * moved so the ink box (plus margin) starts at 0,0; null when nothing has ink. Every character
 * but a space must be in `glyphs`.
 */
export function placeText(text: string, glyphs: Map<string, Glyph>, emPx: number, margin: number): PlacedText | null {
  const s = emPx / KAI_GRID
  const raw: GlyphContour[] = []
  let pen = 0
  for (const ch of Array.from(text)) {
    if (ch === ' ') {
      pen += SPACE_ADVANCE
      continue
    }
    const g = glyphs.get(ch)
    if (!g) throw new Error(`no outline for ${ch}`)
    for (const c of g.contours) raw.push(c.map(([x, y]) => [(pen + x) * s, -y * s]))
    pen += g.advance
  }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const c of raw) {
    for (const [x, y] of c) {
      if (x < minX) minX = x
      if (x > maxX) maxX = x
      if (y < minY) minY = y
      if (y > maxY) maxY = y
    }
  }
  if (!Number.isFinite(minX) || maxX - minX <= 0 || maxY - minY <= 0) return null
  const dx = margin - minX
  const dy = margin - minY
  return {
    contours: raw.map((c) => c.map(([x, y]) => [x + dx, y + dy])),
    width: Math.ceil(maxX - minX + 2 * margin),
    height: Math.ceil(maxY - minY + 2 * margin)
  }
}

/** What drawing outlines needs of a 2D context. */
export interface OutlineContext2D {
  fillStyle: unknown
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  closePath(): void
  fill(): void
}

/** Fills the polygons as one path (non-zero winding, as TrueType outlines are meant). */
export function fillContours(ctx: OutlineContext2D, contours: GlyphContour[], color: string, scale = 1): void {
  ctx.fillStyle = color
  ctx.beginPath()
  for (const c of contours) {
    ctx.moveTo(c[0][0] * scale, c[0][1] * scale)
    for (let i = 1; i < c.length; i++) ctx.lineTo(c[i][0] * scale, c[i][1] * scale)
    ctx.closePath()
  }
  ctx.fill()
}
