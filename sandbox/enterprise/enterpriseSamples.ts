/**
 * The demo pictures a tester can upload instead of a photo: drawn in code as PNG (no canvas,
 * so they work on WeChat too) and marked `INKSEAL-DEMO:<KIND>:<KEY>` in a tEXt chunk, which is
 * how the sandbox recognises them (enterpriseDemo.ts). They look like a licence from afar:
 * a red double frame, the national-emblem disc, title and text lines as bars, a QR code with
 * the credit code and a red seal. Deterministic: the same key always gives the same bytes.
 */
import { stringStream } from '@/domain/random'
import { encodePng } from '@/domain/enterprise/png'
import { DEMO_LICENSES, DEMO_MARKER_PREFIX, type LicenseSampleKey, type OcrFailureKey } from './enterpriseDemo'

export type SampleImageKey = LicenseSampleKey | OcrFailureKey | 'LETTER'

const W = 480
const H = 320

// palette indices
const PAPER = 0
const RED = 1
const INK = 2
const GREY = 3
const GOLD = 4
const WHITE = 5
const SKY = 6
const GRASS = 7
const SUN = 8
const PALETTE: [number, number, number][] = [
  [251, 247, 238],
  [200, 16, 46],
  [58, 58, 58],
  [196, 196, 196],
  [212, 160, 23],
  [255, 255, 255],
  [135, 190, 235],
  [92, 160, 80],
  [250, 210, 80]
]

class Raster {
  readonly px: Uint8Array
  constructor(
    readonly w: number,
    readonly h: number,
    fill: number
  ) {
    this.px = new Uint8Array(w * h).fill(fill)
  }
  rect(x: number, y: number, w: number, h: number, c: number): void {
    for (let yy = Math.max(0, y); yy < Math.min(this.h, y + h); yy++) {
      this.px.fill(c, yy * this.w + Math.max(0, x), yy * this.w + Math.min(this.w, x + w))
    }
  }
  frame(x: number, y: number, w: number, h: number, t: number, c: number): void {
    this.rect(x, y, w, t, c)
    this.rect(x, y + h - t, w, t, c)
    this.rect(x, y, t, h, c)
    this.rect(x + w - t, y, t, h, c)
  }
  disc(cx: number, cy: number, r: number, c: number, inner = -1): void {
    for (let y = cy - r; y <= cy + r; y++) {
      for (let x = cx - r; x <= cx + r; x++) {
        const d = (x - cx) ** 2 + (y - cy) ** 2
        if (d <= r * r && d >= inner * inner && x >= 0 && y >= 0 && x < this.w && y < this.h) this.px[y * this.w + x] = c
      }
    }
  }
}

/**
 * A QR-like block for the licence picture: the three finder squares and the timing rows of a
 * 25-module code, the rest seeded by the text. Decoration only — the sandbox reads a sample by
 * the marker in its PNG text chunk, never by this block — drawn by hand so that the QR encoder
 * (qrcode, ~20 KB) stays out of the WeChat main package, where the embedded sandbox lives.
 */
export function qrLikeBlock(text: string): { size: number; modules: Uint8Array } {
  const size = 25
  const modules = new Uint8Array(size * size)
  const rnd = stringStream(`qr:${text}`)
  for (let i = 0; i < modules.length; i++) modules[i] = rnd() < 0.5 ? 1 : 0
  const finder = (ox: number, oy: number) => {
    for (let y = -1; y <= 7; y++) {
      for (let x = -1; x <= 7; x++) {
        const X = ox + x
        const Y = oy + y
        if (X < 0 || Y < 0 || X >= size || Y >= size) continue
        const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3))
        modules[Y * size + X] = ring === 4 || ring === 2 ? 0 : 1
      }
    }
  }
  finder(0, 0)
  finder(size - 7, 0)
  finder(0, size - 7)
  for (let i = 8; i < size - 8; i++) {
    modules[6 * size + i] = i % 2 === 0 ? 1 : 0
    modules[i * size + 6] = i % 2 === 0 ? 1 : 0
  }
  return { size, modules }
}

function drawLicense(r: Raster, key: string, text: string, blurred: boolean): void {
  const ink = blurred ? GREY : INK
  const rnd = stringStream(key)
  r.frame(8, 8, W - 16, H - 16, 4, RED)
  r.frame(16, 16, W - 32, H - 32, 1, RED)
  r.disc(W / 2, 44, 18, RED)
  r.disc(W / 2, 44, 8, GOLD)
  // title "营业执照": four big blocks
  for (let i = 0; i < 4; i++) r.rect(W / 2 - 78 + i * 40, 70, 34, 26, ink)
  // fields: label bar + value bar
  for (let row = 0; row < 7; row++) {
    const y = 118 + row * 22
    r.rect(40, y, 56, 10, ink)
    r.rect(110, y, Math.round(120 + rnd() * 200), 10, ink)
  }
  // QR code of the marker text, bottom left
  const qr = qrLikeBlock(text)
  const s = 2
  r.rect(36, H - 36 - qr.size * s - 8, qr.size * s + 8, qr.size * s + 8, WHITE)
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (qr.modules[y * qr.size + x]) r.rect(40 + x * s, H - 40 - qr.size * s + y * s, s, s, blurred ? GREY : INK)
    }
  }
  // red seal, bottom right
  r.disc(W - 90, H - 80, 42, RED, 38)
  r.disc(W - 90, H - 80, 8, RED)
  if (blurred) {
    // a veil of paper-coloured speckles over everything
    const noise = stringStream(`${key}:blur`)
    for (let i = 0; i < r.px.length; i++) if (noise() < 0.45) r.px[i] = PAPER
  }
}

function drawLandscape(r: Raster): void {
  r.rect(0, 0, W, H, SKY)
  r.disc(380, 70, 34, SUN)
  for (let x = 0; x < W; x++) {
    const top = Math.round(200 + 30 * Math.sin(x / 60) + 15 * Math.sin(x / 23))
    r.rect(x, top, 1, H - top, GRASS)
  }
}

function drawLetter(r: Raster): void {
  r.rect(0, 0, W, H, WHITE)
  for (let i = 0; i < 6; i++) r.rect(W / 2 - 120 + i * 40, 28, 32, 22, INK)
  const rnd = stringStream('LETTER')
  for (let row = 0; row < 8; row++) r.rect(40, 76 + row * 20, Math.round(300 + rnd() * 100), 8, INK)
  r.rect(260, 250, 120, 3, INK) // signature line
  r.disc(W - 110, H - 90, 44, RED, 40) // company seal
  r.disc(W - 110, H - 90, 9, RED)
}

/** The marker the sandbox looks for in an uploaded file. */
export function sampleMarker(key: SampleImageKey): string {
  const kind = key === 'LETTER' ? 'LETTER' : key === 'BLURRED' || key === 'NOT_LICENSE' ? 'OCR_FAIL' : 'LICENSE'
  return `${DEMO_MARKER_PREFIX}${kind}:${key === 'LETTER' ? 'SIGNED' : key}`
}

/**
 * The PNG of a demo picture (about 150 KB). The marker ends with a newline: without it the
 * chunk's CRC bytes that follow could read as more marker characters (LETTER:SIGNED read as
 * LETTER:SIGNEDMC).
 */
export function samplePng(key: SampleImageKey): Uint8Array {
  const r = new Raster(W, H, PAPER)
  const marker = sampleMarker(key)
  if (key === 'LETTER') drawLetter(r)
  else if (key === 'NOT_LICENSE') drawLandscape(r)
  else {
    const lic = key === 'BLURRED' ? null : DEMO_LICENSES[key]
    drawLicense(r, key, lic ? lic.fields.creditCode : marker, key === 'BLURRED')
  }
  return encodePng({ width: W, height: H, format: 'palette', pixels: r.px, palette: PALETTE, text: [{ keyword: 'Comment', text: `${marker}\n` }] })
}
