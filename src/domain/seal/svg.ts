/**
 * SVG of a seal drawn from its geometry (geometry.ts). `sealSvgInner` is the content of a
 * `size × size` box, for nesting in a page image (`<svg x y width height viewBox>…</svg>`, or a
 * narrower viewBox for a paging-seal slice); `sealSvg` is a whole document.
 */
import { svgDataUrl } from '@/domain/contract/base64'
import { sealGeometry, type SealSpec } from './geometry'

export const SEAL_FONT = "'SimSun','Songti SC',serif"

const n = (v: number) => (Math.round(v * 100) / 100).toString()

export function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch] as string)
}

export function sealSvgInner(spec: SealSpec, size = 160): string {
  const g = sealGeometry(spec, size)
  const parts: string[] = []
  for (const r of g.rings) {
    parts.push(`<circle cx="${n(r.cx)}" cy="${n(r.cy)}" r="${n(r.r)}" fill="none" stroke="${g.color}" stroke-width="${n(r.strokeWidth)}"/>`)
  }
  for (const ch of g.chars) {
    parts.push(
      `<text x="${n(ch.x)}" y="${n(ch.y)}" font-size="${n(ch.fontSize)}" text-anchor="middle" dominant-baseline="central" transform="rotate(${n(ch.rotation)} ${n(ch.x)} ${n(ch.y)})">${escapeXml(ch.char)}</text>`
    )
  }
  parts.push(`<polygon points="${g.star.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${g.color}"/>`)
  if (g.purpose) {
    const p = g.purpose
    parts.push(
      `<text x="${n(p.x)}" y="${n(p.y)}" font-size="${n(p.fontSize)}" text-anchor="middle" dominant-baseline="central" textLength="${n(p.textLength)}" lengthAdjust="spacingAndGlyphs">${escapeXml(p.text)}</text>`
    )
  }
  return `<g fill="${g.color}" font-family="${SEAL_FONT}" font-weight="bold" opacity="0.9">${parts.join('')}</g>`
}

export function sealSvg(spec: SealSpec, size = 160): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${sealSvgInner(spec, size)}</svg>`
}

/** 'data:image/svg+xml;base64,…' of the seal (base64 by hand: no btoa on WeChat). */
export function sealDataUrl(spec: SealSpec, size = 160): string {
  return svgDataUrl(sealSvg(spec, size))
}
