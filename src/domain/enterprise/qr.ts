/**
 * QR codes as PNG data URLs, the same on WeChat and H5: the `qrcode` package computes the
 * modules (QRCode.create), png.ts draws them. The text is passed as a byte segment, because
 * qrcode turns strings into bytes with TextEncoder, which WeChat on phones does not have.
 */
import QRCode, { type QRCodeSegment } from 'qrcode'
import { encodePng, pngDataUrl } from './png'

function utf8(s: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      }
    }
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

export interface QrMatrix {
  size: number
  /** size * size, 1 = dark module */
  modules: Uint8Array
}

export function qrMatrix(text: string): QrMatrix {
  // A byte segment given as bytes, so that qrcode never calls TextEncoder.
  const segments: QRCodeSegment[] = [{ data: utf8(text), mode: 'byte' }]
  const qr = QRCode.create(segments, { errorCorrectionLevel: 'M' })
  const size = qr.modules.size
  const modules = new Uint8Array(size * size)
  for (let i = 0; i < size * size; i++) modules[i] = qr.modules.data[i] ? 1 : 0
  return { size, modules }
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
