/**
 * Text in PDFs drawn from the same LXGW WenKai outlines as the system signature
 * (signature/glyphs.ts): the sandbox writes text fields, dates and the signing report with them,
 * so a PDF looks the same wherever it is made and needs no font file at run time.
 */
import type { PDFPage, RGB } from 'pdf-lib'
import { KAI_GRID, loadGlyphs, type Glyph, type KaiShardLoader } from '@/domain/signature/glyphs'

export type GlyphMap = Map<string, Glyph>

/** Space advance, em fraction (as the system signature uses). */
const SPACE_EM = 0.3

export class MissingGlyphError extends Error {
  constructor(readonly chars: string[]) {
    super(`no outline for ${chars.join('')}`)
  }
}

/** Outlines of every character of `texts`; throws MissingGlyphError when any is missing. */
export async function glyphsFor(texts: string[], loadShard: KaiShardLoader): Promise<GlyphMap> {
  const { glyphs, missing } = await loadGlyphs(texts.join(''), loadShard)
  if (missing.length) throw new MissingGlyphError(missing)
  return glyphs
}

function advanceOf(ch: string, glyphs: GlyphMap): number {
  if (ch === ' ') return KAI_GRID * SPACE_EM
  const g = glyphs.get(ch)
  if (!g) throw new MissingGlyphError([ch])
  return g.advance
}

/** Width of `text` at `size` pt. */
export function textWidth(text: string, glyphs: GlyphMap, size: number): number {
  let w = 0
  for (const ch of Array.from(text)) w += advanceOf(ch, glyphs)
  return (w * size) / KAI_GRID
}

/**
 * SVG path of `text` at `size` pt with its origin at the left end of the baseline (y down, as
 * pdf-lib's drawSvgPath takes it); null for blank text.
 */
export function textPath(text: string, glyphs: GlyphMap, size: number): string | null {
  const s = size / KAI_GRID
  let pen = 0
  const parts: string[] = []
  const f = (v: number) => (Math.round(v * 100) / 100).toString()
  for (const ch of Array.from(text)) {
    if (ch !== ' ') {
      for (const c of glyphs.get(ch)?.contours ?? []) {
        parts.push('M' + c.map(([x, y]) => `${f((pen + x) * s)} ${f(-y * s)}`).join('L') + 'Z')
      }
    }
    pen += advanceOf(ch, glyphs)
  }
  return parts.length ? parts.join('') : null
}

/** Draws `text` with its baseline's left end at (x, y), PDF points from the bottom left. */
export function drawText(page: PDFPage, text: string, glyphs: GlyphMap, at: { x: number; y: number; size: number; color: RGB }): void {
  const path = textPath(text, glyphs, at.size)
  if (path) page.drawSvgPath(path, { x: at.x, y: at.y, color: at.color, borderWidth: 0 })
}

/** Breaks `text` into lines no wider than `maxWidth` pt (by character: Chinese has no spaces). */
export function wrapText(text: string, glyphs: GlyphMap, size: number, maxWidth: number): string[] {
  const lines: string[] = []
  let line = ''
  let w = 0
  for (const ch of Array.from(text)) {
    const cw = (advanceOf(ch, glyphs) * size) / KAI_GRID
    if (line && w + cw > maxWidth) {
      lines.push(line.trimEnd())
      line = ch === ' ' ? '' : ch
      w = ch === ' ' ? 0 : cw
    } else {
      line += ch
      w += cw
    }
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}
