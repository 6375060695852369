/**
 * QR codes as PNG data URLs, the same on WeChat and H5: the modules come from ../qrSvg (qrcode's
 * pure core, text passed as UTF-8 bytes), png.ts draws them.
 */
import { qrMatrix as modulesOf } from '@/domain/qrSvg'
import { encodePng, pngDataUrl } from './png'

export interface QrMatrix {
  size: number
  /** size * size, 1 = dark module */
  modules: Uint8Array
}

export function qrMatrix(text: string): QrMatrix {
  const m = modulesOf(text, 'M')
  const modules = new Uint8Array(m.size * m.size)
  for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) modules[r * m.size + c] = m.dark(r, c) ? 1 : 0
  return { size: m.size, modules }
}

/** A black-on-white PNG of the QR code, `scale` pixels per module and a 4-module quiet zone. */
export function qrPng(text: string, scale = 6): Uint8Array {
  const { size, modules } = qrMatrix(text)
  const margin = 4
  const side = (size + margin * 2) * scale
  const px = new Uint8Array(side * side).fill(1)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules[y * size + x]) continue
      for (let dy = 0; dy < scale; dy++) {
        const row = ((y + margin) * scale + dy) * side + (x + margin) * scale
        px.fill(0, row, row + scale)
      }
    }
  }
  return encodePng({ width: side, height: side, format: 'gray1', pixels: px })
}

export function qrDataUrl(text: string, scale = 6): string {
  return pngDataUrl(qrPng(text, scale))
}
