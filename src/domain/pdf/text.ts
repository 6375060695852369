/**
 * Text in PDFs from the same LXGW WenKai outlines as the system signature (signature/glyphs.ts),
 * embedded as Type 3 subset fonts (type3.ts): real text (selectable, extractable) that looks the
 * same wherever the PDF is made and needs no font file at run time.
 */
import type { PDFPage, RGB } from 'pdf-lib'
import { KAI_GRID, loadGlyphs, type KaiShardLoader } from '@/domain/signature/glyphs'
import { hexBoxGlyph, HEX_DIGITS } from './fallbackGlyph'
import { advanceOf, type GlyphMap, type OutlineFonts } from './type3'

export { MissingGlyphError, OutlineFonts, type GlyphMap } from './type3'
export { isSubstitute } from './fallbackGlyph'

/**
 * Outlines of every character of `texts`. A character the outlines lack gets a hex box
 * (fallbackGlyph.ts), marked `substitute`: the document is made all the same.
 */
export async function glyphsFor(texts: string[], loadShard: KaiShardLoader): Promise<GlyphMap> {
  const { glyphs, missing } = await loadGlyphs(texts.join(''), loadShard)
  if (missing.length) {
    const digits = (await loadGlyphs(HEX_DIGITS, loadShard)).glyphs
    for (const ch of missing) glyphs.set(ch, hexBoxGlyph(ch, digits))
  }
  return glyphs
}

/** Width of `text` at `size` pt. */
export function textWidth(text: string, glyphs: GlyphMap, size: number): number {
  let w = 0
  for (const ch of Array.from(text)) w += advanceOf(ch, glyphs)
  return (w * size) / KAI_GRID
}

/** Draws `text` with its baseline's left end at (x, y), PDF points from the bottom left. */
export function drawText(page: PDFPage, text: string, fonts: OutlineFonts, at: { x: number; y: number; size: number; color: RGB }): void {
  if (text.trim()) fonts.show(page, text, at)
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
