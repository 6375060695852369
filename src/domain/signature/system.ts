import type { Box } from './types'

/**
 * System signature: the verified name set in a regular-script (楷体) face that the device
 * already has; no web font is downloaded. Devices without any of these fall back to their
 * serif CJK face.
 */
export const SYSTEM_FONT_FAMILY = "'KaiTi','STKaiti','Kaiti SC',serif"

export interface SystemTextLayout {
  /** CSS font shorthand for ctx.font */
  font: string
  fontPx: number
  /** scratch canvas large enough for the text */
  canvasWidth: number
  canvasHeight: number
  /** where fillText draws (textBaseline 'middle', textAlign 'left') */
  x: number
  y: number
}

/** Longest name accepted for a system signature (characters). */
export const SYSTEM_NAME_MAX = 20

/** Canvas and font size for rendering `name`, keeping the scratch canvas under 1365 px. */
export function systemTextLayout(name: string): SystemTextLayout {
  const chars = Math.max(1, Array.from(name).length)
  const fontPx = Math.max(48, Math.min(140, Math.floor(1200 / (chars + 1))))
  return {
    font: `${fontPx}px ${SYSTEM_FONT_FAMILY}`,
    fontPx,
    canvasWidth: Math.ceil(fontPx * (chars + 1)),
    canvasHeight: Math.ceil(fontPx * 1.8),
    x: Math.round(fontPx / 2),
    y: Math.round(fontPx * 0.9)
  }
}

/** Name as it may be rendered: trimmed, inner whitespace collapsed; null when unusable. */
export function normaliseSystemName(name: string): string | null {
  const n = (name || '').replace(/\s+/g, ' ').trim()
  if (!n || Array.from(n).length > SYSTEM_NAME_MAX) return null
  return n
}

/** Box of the pixels whose alpha exceeds `threshold` in RGBA data; null when all clear. */
export function alphaBounds(rgba: ArrayLike<number>, width: number, height: number, threshold = 8): Box | null {
  let minX = width
  let minY = height
  let maxX = -1
  let maxY = -1
  for (let y = 0; y < height; y++) {
    const row = y * width * 4
    for (let x = 0; x < width; x++) {
      if (rgba[row + x * 4 + 3] > threshold) {
        if (x < minX) minX = x
        if (x > maxX) maxX = x
        if (y < minY) minY = y
        if (y > maxY) maxY = y
      }
    }
  }
  return maxX < 0 ? null : { minX, minY, maxX: maxX + 1, maxY: maxY + 1 }
}

/** Final image size and scale for a trimmed box: margin added, longer side <= maxSide. */
export function trimPlan(box: Box, margin: number, maxSide: number): { width: number; height: number; scale: number; dx: number; dy: number } {
  const bw = box.maxX - box.minX + 2 * margin
  const bh = box.maxY - box.minY + 2 * margin
  const scale = Math.min(1, maxSide / Math.max(bw, bh))
  return {
    width: Math.max(1, Math.ceil(bw * scale)),
    height: Math.max(1, Math.ceil(bh * scale)),
    scale,
    dx: margin - box.minX,
    dy: margin - box.minY
  }
}
