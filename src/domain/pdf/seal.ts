/**
 * An enterprise seal drawn as vectors into a PDF from its geometry (domain/seal/geometry.ts):
 * the ring, the star, the name along the arc and the purpose, the characters from the Kai
 * outlines (type3.ts) — no device font, no picture.
 */
import { rgb, type PDFPage } from 'pdf-lib'
import { sealGeometry, type SealSpec } from '@/domain/seal/geometry'
import { hexColor } from './color'
import { textWidth, type OutlineFonts } from './text'

/** Every character the seal draws (to load its outlines first). */
export function sealTexts(spec: SealSpec): string[] {
  return [spec.text.trim(), spec.purpose.trim()]
}

/**
 * Draws the seal in the square whose top-left corner is (left, top) in PDF points (y up) and
 * whose side is `size`.
 */
export function drawSeal(page: PDFPage, spec: SealSpec, box: { left: number; top: number; size: number }, fonts: OutlineFonts): void {
  const g = sealGeometry(spec, box.size)
  const color = hexColor(g.color, rgb(0.82, 0.01, 0.11))
  const X = (x: number) => box.left + x
  const Y = (y: number) => box.top - y
  for (const r of g.rings) {
    page.drawCircle({ x: X(r.cx), y: Y(r.cy), size: r.r, borderColor: color, borderWidth: r.strokeWidth, opacity: 0, borderOpacity: 0.9 })
  }
  const star = g.star.points.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join('') + 'Z'
  page.drawSvgPath(star, { x: box.left, y: box.top, color, opacity: 0.9, borderWidth: 0 })
  // a character is centred on its point; its centre sits about 0.36 em above the baseline
  const centred = (ch: string, cx: number, cy: number, size: number, rotate: number, stretch = 1) => {
    const w = textWidth(ch, fonts.glyphs, size) * stretch
    const a = (rotate * Math.PI) / 180
    // from the centre back to the baseline's left end, along the turned axes (y down on screen)
    const dx = -w / 2
    const dy = 0.36 * size
    const sx = cx + dx * Math.cos(a) - dy * Math.sin(a)
    const sy = cy + dx * Math.sin(a) + dy * Math.cos(a)
    // bold as the seal face is: the outline drawn twice, a hair apart
    for (const nudge of [0, size * 0.035]) {
      fonts.show(page, ch, { x: X(sx + nudge * Math.cos(a)), y: Y(sy + nudge * Math.sin(a)), size, color, rotate, stretch })
    }
  }
  for (const c of g.chars) centred(c.char, c.x, c.y, c.fontSize, c.rotation)
  if (g.purpose) {
    const natural = textWidth(g.purpose.text, fonts.glyphs, g.purpose.fontSize)
    centred(g.purpose.text, g.purpose.x, g.purpose.y, g.purpose.fontSize, 0, natural > 0 ? g.purpose.textLength / natural : 1)
  }
}
