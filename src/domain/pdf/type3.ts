/**
 * Embedded subset fonts made from the LXGW WenKai outlines (src/generated/kai): PDF Type 3 fonts
 * (ISO 32000-1 9.6.5) whose glyph procedures fill the outline polygons, with a ToUnicode map so
 * the text can be selected, searched and extracted like any text. Only the characters a document
 * uses are embedded; each font holds up to 255 of them (single-byte codes), so a document has as
 * many fonts as it needs.
 *
 * Written by hand: pdf-lib embeds TrueType/OpenType files through fontkit, and neither a
 * browser nor WeChat has the multi-megabyte font file; the outlines are what we ship.
 */
import {
  beginText,
  endText,
  PDFName,
  PDFNumber,
  setFillingRgbColor,
  setFontAndSize,
  showText,
  moveText,
  setTextMatrix,
  PDFHexString,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
  type RGB
} from 'pdf-lib'
import { KAI_GRID, type Glyph } from '@/domain/signature/glyphs'

export type GlyphMap = Map<string, Glyph>

/** Space advance, em fraction (as the system signature uses). */
export const SPACE_EM = 0.3
const CODES_PER_FONT = 255

export class MissingGlyphError extends Error {
  constructor(readonly chars: string[]) {
    super(`no outline for ${chars.join('')}`)
  }
}

/** Advance of `ch` in grid units (a space has no outline, only an advance). */
export function advanceOf(ch: string, glyphs: GlyphMap): number {
  if (ch === ' ') return KAI_GRID * SPACE_EM
  const g = glyphs.get(ch)
  if (!g) throw new MissingGlyphError([ch])
  return g.advance
}

interface FontSlot {
  ref: PDFRef
  chars: string[]
}

export class OutlineFonts {
  private readonly slots: FontSlot[] = []
  private readonly codes = new Map<string, { font: number; code: number }>()
  /** the resource name each page knows each font by (one entry per page and font) */
  private readonly names = new Map<PDFPage, Map<number, PDFName>>()
  private finished = false

  constructor(
    private readonly doc: PDFDocument,
    readonly glyphs: GlyphMap
  ) {}

  private codeOf(ch: string): { font: number; code: number } {
    let c = this.codes.get(ch)
    if (c) return c
    if (ch !== ' ' && !this.glyphs.has(ch)) throw new MissingGlyphError([ch])
    let slot = this.slots[this.slots.length - 1]
    if (!slot || slot.chars.length >= CODES_PER_FONT) {
      slot = { ref: this.doc.context.nextRef(), chars: [] }
      this.slots.push(slot)
    }
    slot.chars.push(ch)
    c = { font: this.slots.length - 1, code: slot.chars.length }
    this.codes.set(ch, c)
    return c
  }

  /**
   * Shows `text` with its baseline's left end at (x, y), PDF points from the bottom left;
   * `rotate` turns it clockwise (degrees, as on screen) about that point, `stretch` scales it
   * horizontally (1 = as designed).
   */
  show(page: PDFPage, text: string, at: { x: number; y: number; size: number; color: RGB; rotate?: number; stretch?: number }): void {
    if (this.finished) throw new Error('fonts already written')
    const runs: { font: number; hex: string }[] = []
    for (const ch of Array.from(text)) {
      const { font, code } = this.codeOf(ch)
      const hex = code.toString(16).padStart(2, '0')
      const last = runs[runs.length - 1]
      if (last && last.font === font) last.hex += hex
      else runs.push({ font, hex })
    }
    if (!runs.length) return
    const ops = [setFillingRgbColor(at.color.red, at.color.green, at.color.blue), beginText()]
    if (at.rotate || (at.stretch && at.stretch !== 1)) {
      const a = (-(at.rotate ?? 0) * Math.PI) / 180
      const k = at.stretch ?? 1
      ops.push(setTextMatrix(k * Math.cos(a), k * Math.sin(a), -Math.sin(a), Math.cos(a), at.x, at.y))
    } else ops.push(moveText(at.x, at.y))
    for (const r of runs) {
      ops.push(setFontAndSize(this.nameOn(page, r.font), at.size), showText(PDFHexString.of(r.hex)))
    }
    ops.push(endText())
    page.pushOperators(...ops)
  }

  private nameOn(page: PDFPage, font: number): PDFName {
    let fonts = this.names.get(page)
    if (!fonts) {
      fonts = new Map()
      this.names.set(page, fonts)
    }
    let name = fonts.get(font)
    if (!name) {
      name = page.node.newFontDictionary(`IK${font}`, this.slots[font].ref)
      fonts.set(font, name)
    }
    return name
  }

  /** Writes the font objects; call once, after the last `show`, before saving. */
  finish(): void {
    if (this.finished) return
    this.finished = true
    this.slots.forEach((slot, i) => this.writeFont(slot, i))
  }

  private writeFont(slot: FontSlot, index: number): void {
    const ctx = this.doc.context
    const procs: Record<string, PDFRef> = {}
    const differences: (number | PDFName)[] = [1]
    const widths: number[] = []
    let minX = 0
    let minY = 0
    let maxX = 0
    let maxY = 0
    slot.chars.forEach((ch, k) => {
      const name = `g${k + 1}`
      differences.push(PDFName.of(name))
      const adv = advanceOf(ch, this.glyphs)
      widths.push(adv)
      const contours = ch === ' ' ? [] : this.glyphs.get(ch)!.contours
      const box = [Infinity, Infinity, -Infinity, -Infinity]
      let path = ''
      for (const c of contours) {
        path += `${c[0][0]} ${c[0][1]} m\n`
        for (let j = 1; j < c.length; j++) path += `${c[j][0]} ${c[j][1]} l\n`
        path += 'h\n'
        for (const [x, y] of c) {
          box[0] = Math.min(box[0], x)
          box[1] = Math.min(box[1], y)
          box[2] = Math.max(box[2], x)
          box[3] = Math.max(box[3], y)
        }
      }
      if (!contours.length) box.splice(0, 4, 0, 0, 0, 0)
      minX = Math.min(minX, box[0])
      minY = Math.min(minY, box[1])
      maxX = Math.max(maxX, box[2])
      maxY = Math.max(maxY, box[3])
      // d1: width, then the glyph's box; the glyph takes the colour of the text (no colour set here)
      const ops = `${adv} 0 ${box.join(' ')} d1\n${path}${contours.length ? 'f\n' : ''}`
      procs[name] = ctx.register(ctx.flateStream(ops))
    })
    const toUnicode = ctx.register(ctx.flateStream(toUnicodeCMap(slot.chars, index)))
    const scale = 1 / KAI_GRID
    const font = ctx.obj({
      Type: 'Font',
      Subtype: 'Type3',
      Name: `IK${index}`,
      FontBBox: [minX, minY, maxX, maxY],
      FontMatrix: [scale, 0, 0, scale, 0, 0],
      CharProcs: ctx.obj(procs),
      Encoding: ctx.obj({ Type: 'Encoding', Differences: differences }),
      FirstChar: 1,
      LastChar: slot.chars.length,
      Widths: widths.map((w) => PDFNumber.of(w)),
      Resources: ctx.obj({}),
      ToUnicode: toUnicode
    })
    ctx.assign(slot.ref, font)
  }
}

function utf16Hex(ch: string): string {
  let hex = ''
  for (let i = 0; i < ch.length; i++) hex += ch.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return hex
}

/** The ToUnicode CMap of one font: code k+1 is chars[k]. */
function toUnicodeCMap(chars: string[], index: number): string {
  const lines = chars.map((ch, k) => `<${(k + 1).toString(16).padStart(2, '0').toUpperCase()}> <${utf16Hex(ch)}>`)
  const blocks: string[] = []
  for (let i = 0; i < lines.length; i += 100) {
    const part = lines.slice(i, i + 100)
    blocks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`)
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    `/CMapName /InkSeal-Kai-${index}-UCS def`,
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<00> <FF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end'
  ].join('\n')
}
