import { create } from 'qrcode/lib/core/qrcode'
import { utf8Bytes } from './utf8'

/**
 * QR codes as SVG, from qrcode's pure core (the module matrix). The text is passed as UTF-8
 * bytes: qrcode would otherwise call TextEncoder, which WeChat's engine on phones lacks.
 */
export interface QrMatrix {
  size: number
  dark(row: number, col: number): boolean
}

export function qrMatrix(text: string, level: 'L' | 'M' | 'Q' | 'H' = 'M'): QrMatrix {
  const qr = create([{ data: utf8Bytes(text), mode: 'byte' }], { errorCorrectionLevel: level })
  const m = qr.modules
  return { size: m.size, dark: (r, c) => !!m.get(r, c) }
}

/** An SVG document: one path of unit squares, a quiet zone of `margin` modules. */
export function qrSvg(text: string, opts: { margin?: number; dark?: string; light?: string } = {}): string {
  const margin = opts.margin ?? 4
  const m = qrMatrix(text)
  const n = m.size + margin * 2
  let d = ''
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.dark(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges">` +
    `<rect width="${n}" height="${n}" fill="${opts.light ?? '#fff'}"/>` +
    `<path d="${d}" fill="${opts.dark ?? '#000'}"/></svg>`
  )
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
