/**
 * A contract's original PDF made from its page layout (the same model the reader's page images
 * come from: text items with a baseline y from the page's top), with the text embedded as Type 3
 * subset fonts from the Kai outlines. Demo contracts get their PDF of record this way.
 */
import { PDFDocument } from 'pdf-lib'
import { hexColor } from './color'
import type { KaiShardLoader } from '@/domain/signature/glyphs'
import { drawText, glyphsFor, OutlineFonts, textWidth } from './text'

export interface LaidOutText {
  x: number
  /** baseline, px from the page's top (1 px = 1 pt) */
  y: number
  text: string
  size: number
  bold?: boolean
  anchor?: 'start' | 'middle' | 'end'
  /** #rrggbb */
  color?: string
}

export interface LaidOutPage {
  width: number
  height: number
  items: LaidOutText[]
}

export async function pdfFromPages(pages: LaidOutPage[], meta: { title: string; createdAt: Date }, loadShard: KaiShardLoader): Promise<Uint8Array> {
  if (!pages.length) throw new Error('a document needs at least one page')
  const glyphs = await glyphsFor(
    pages.flatMap((p) => p.items.map((i) => i.text)),
    loadShard
  )
  const doc = await PDFDocument.create()
  const fonts = new OutlineFonts(doc, glyphs)
  for (const p of pages) {
    const page = doc.addPage([p.width, p.height])
    for (const t of p.items) {
      const w = t.anchor && t.anchor !== 'start' ? textWidth(t.text, glyphs, t.size) : 0
      const x = t.anchor === 'middle' ? t.x - w / 2 : t.anchor === 'end' ? t.x - w : t.x
      const at = { x, y: p.height - t.y, size: t.size, color: hexColor(t.color) }
      drawText(page, t.text, fonts, at)
      // bold: drawn again a hair to the right (the outlines have no bold face, and text
      // rendering modes do not apply to Type 3 glyphs)
      if (t.bold) drawText(page, t.text, fonts, { ...at, x: x + t.size * 0.04 })
    }
  }
  fonts.finish()
  doc.setTitle(meta.title)
  doc.setProducer('InkSeal 电子签')
  doc.setCreationDate(meta.createdAt)
  doc.setModificationDate(meta.createdAt)
  return doc.save({ useObjectStreams: false })
}
