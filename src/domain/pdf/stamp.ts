/**
 * Stamping what the signers filled into the contract's PDF: each field at its fractional
 * rectangle (x, y, w, h in 0..1 of the page, from the top left, as the reader overlays them),
 * and the paging seal (骑缝章) sliced across the right edge of consecutive pages.
 */
import { clip, endPath, popGraphicsState, pushGraphicsState, rectangle, rgb, type PDFDocument, type PDFImage, type PDFPage } from 'pdf-lib'
import type { FractionRect } from '@/domain/contract/geometry'
import { pagingSealSlices } from '@/domain/contract/pagingSeal'
import type { SealSpec } from '@/domain/seal/geometry'
import { drawSeal, sealTexts } from './seal'
import { drawText, textWidth, type OutlineFonts } from './text'

export type Stamp =
  /** a signature, seal or any picture (PNG bytes), fitted into the rectangle, centred */
  | { kind: 'IMAGE'; page: number; rect: FractionRect; png: Uint8Array }
  /** text (a date, a text field), one line, shrunk to fit, left aligned and centred vertically */
  | { kind: 'TEXT'; page: number; rect: FractionRect; text: string }
  | { kind: 'CHECK'; page: number; rect: FractionRect; checked: boolean }
  /** a system signature: the name set in the Kai outlines, as large as fits, centred */
  | { kind: 'NAME'; page: number; rect: FractionRect; name: string }
  /** an enterprise seal drawn from its data (seal.ts), the largest square centred in the rectangle */
  | { kind: 'SEAL'; page: number; rect: FractionRect; seal: SealSpec }
  /** one seal across the right edge of every page (pagingSealSlices), its top at `y` (0..1) */
  | { kind: 'PAGING_SEAL'; seal: SealSpec; y: number; sizePt: number }

export class StampError extends Error {}

const INK = rgb(0, 0, 0)

/** The rectangle in PDF points (origin bottom left). */
export function toPoints(page: PDFPage, r: FractionRect): { x: number; y: number; w: number; h: number } {
  const { width: W, height: H } = page.getSize()
  return { x: r.x * W, y: H - (r.y + r.h) * H, w: r.w * W, h: r.h * H }
}

function pageOf(doc: PDFDocument, n: number): PDFPage {
  if (!Number.isInteger(n) || n < 0 || n >= doc.getPageCount()) throw new StampError(`page ${n} is outside the document`)
  return doc.getPage(n)
}

function drawFitted(page: PDFPage, img: PDFImage, box: { x: number; y: number; w: number; h: number }): void {
  const scale = Math.min(box.w / img.width, box.h / img.height)
  const w = img.width * scale
  const h = img.height * scale
  page.drawImage(img, { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, width: w, height: h })
}

/** Characters of every text the stamps draw (to load their outlines first). */
export function stampTexts(stamps: Stamp[]): string[] {
  return stamps.flatMap((s) =>
    s.kind === 'TEXT' ? [s.text] : s.kind === 'NAME' ? [s.name] : s.kind === 'SEAL' || s.kind === 'PAGING_SEAL' ? sealTexts(s.seal) : []
  )
}

/** Draws every stamp; images are embedded once per distinct PNG. */
export async function applyStamps(doc: PDFDocument, stamps: Stamp[], fonts: OutlineFonts): Promise<void> {
  const images = new Map<Uint8Array, PDFImage>()
  const embed = async (png: Uint8Array) => {
    let img = images.get(png)
    if (!img) {
      img = await doc.embedPng(png)
      images.set(png, img)
    }
    return img
  }
  for (const s of stamps) {
    if (s.kind === 'PAGING_SEAL') {
      drawPagingSeal(doc, s.seal, s.y, s.sizePt, fonts)
      continue
    }
    const page = pageOf(doc, s.page)
    const box = toPoints(page, s.rect)
    if (s.kind === 'IMAGE') drawFitted(page, await embed(s.png), box)
    else if (s.kind === 'SEAL') {
      const side = Math.min(box.w, box.h)
      drawSeal(page, s.seal, { left: box.x + (box.w - side) / 2, top: box.y + (box.h + side) / 2, size: side }, fonts)
    } else if (s.kind === 'TEXT') {
      const size = Math.min(box.h * 0.7, 14)
      const width = textWidth(s.text, fonts.glyphs, size)
      const fit = width > box.w ? (size * box.w) / width : size
      drawText(page, s.text, fonts, { x: box.x, y: box.y + (box.h - fit * 0.8) / 2 + fit * 0.1, size: fit, color: INK })
    } else if (s.kind === 'NAME') {
      const natural = textWidth(s.name, fonts.glyphs, 1)
      const size = Math.min(box.h * 0.8, (box.w * 0.92) / Math.max(natural, 0.01))
      drawText(page, s.name, fonts, { x: box.x + (box.w - natural * size) / 2, y: box.y + (box.h - size * 0.8) / 2 + size * 0.12, size, color: INK })
    } else drawCheck(page, box, s.checked)
  }
}

function drawCheck(page: PDFPage, box: { x: number; y: number; w: number; h: number }, checked: boolean): void {
  const side = Math.min(box.w, box.h) * 0.8
  const x = box.x + (box.w - side) / 2
  const y = box.y + (box.h - side) / 2
  page.drawRectangle({ x, y, width: side, height: side, borderColor: INK, borderWidth: Math.max(0.5, side / 14) })
  if (!checked) return
  const t = Math.max(0.8, side / 8)
  page.drawLine({ start: { x: x + side * 0.2, y: y + side * 0.5 }, end: { x: x + side * 0.42, y: y + side * 0.25 }, thickness: t, color: INK })
  page.drawLine({ start: { x: x + side * 0.42, y: y + side * 0.25 }, end: { x: x + side * 0.82, y: y + side * 0.8 }, thickness: t, color: INK })
}

/**
 * Page i shows slice i of the seal (pagingSealSlices: no gaps, no overlaps) at its right edge:
 * the whole seal is drawn shifted left by the slice's offset and clipped to the slice.
 */
function drawPagingSeal(doc: PDFDocument, seal: SealSpec, yFraction: number, sizePt: number, fonts: OutlineFonts): void {
  for (const sl of pagingSealSlices(doc.getPageCount(), sizePt)) {
    const page = doc.getPage(sl.page)
    const { width: W, height: H } = page.getSize()
    const top = H - yFraction * H
    const left = W - sl.width
    page.pushOperators(pushGraphicsState(), rectangle(left, top - sizePt, sl.width, sizePt), clip(), endPath())
    drawSeal(page, seal, { left: left - sl.offset, top, size: sizePt }, fonts)
    page.pushOperators(popGraphicsState())
  }
}
