import { rgb, type RGB } from 'pdf-lib'

/** '#rrggbb' as a PDF colour; `fallback` for anything else. */
export function hexColor(hex: string | undefined, fallback: RGB = rgb(0.1, 0.1, 0.1)): RGB {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '')
  return m ? rgb(parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255) : fallback
}
