/**
 * Field areas are stored as fractions of their (unrotated) page: x, y, w, h in 0..1, origin
 * top-left. These map them to pixels of a page drawn at any size, and rotated clockwise by
 * 0/90/180/270° (a rotated page's box is height × width), and back.
 */

export interface FractionRect {
  x: number
  y: number
  w: number
  h: number
}

export interface PixelRect {
  left: number
  top: number
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

export type Rotation = 0 | 90 | 180 | 270

export function normalizeRotation(deg: number): Rotation {
  const r = (((Math.round(deg / 90) * 90) % 360) + 360) % 360
  return r as Rotation
}

/** The box a page of `page` size occupies once rotated. */
export function rotatedSize(page: Size, rotation: Rotation = 0): Size {
  return rotation === 90 || rotation === 270 ? { width: page.height, height: page.width } : { ...page }
}

/**
 * Pixel rect of a fraction rect on a page drawn `page.width × page.height` (unrotated size, any
 * scale) and rotated clockwise by `rotation`. The result is in the rotated box's coordinates.
 */
export function fractionToPixels(r: FractionRect, page: Size, rotation: Rotation = 0): PixelRect {
  const W = page.width
  const H = page.height
  switch (rotation) {
    case 0:
      return { left: r.x * W, top: r.y * H, width: r.w * W, height: r.h * H }
    case 90: // (px, py) → (H − py, px)
      return { left: H - (r.y + r.h) * H, top: r.x * W, width: r.h * H, height: r.w * W }
    case 180: // (px, py) → (W − px, H − py)
      return { left: W - (r.x + r.w) * W, top: H - (r.y + r.h) * H, width: r.w * W, height: r.h * H }
    case 270: // (px, py) → (py, W − px)
      return { left: r.y * H, top: W - (r.x + r.w) * W, width: r.h * H, height: r.w * W }
  }
}

/** Inverse of fractionToPixels. */
export function pixelsToFraction(p: PixelRect, page: Size, rotation: Rotation = 0): FractionRect {
  const W = page.width
  const H = page.height
  switch (rotation) {
    case 0:
      return { x: p.left / W, y: p.top / H, w: p.width / W, h: p.height / H }
    case 90:
      return { x: p.top / W, y: (H - p.left - p.width) / H, w: p.height / W, h: p.width / H }
    case 180:
      return { x: (W - p.left - p.width) / W, y: (H - p.top - p.height) / H, w: p.width / W, h: p.height / H }
    case 270:
      return { x: (W - p.top - p.height) / W, y: p.left / H, w: p.height / W, h: p.width / H }
  }
}

/** A page scaled to fit a display width, keeping its proportions. */
export function fitWidth(page: Size, displayWidth: number): Size {
  return { width: displayWidth, height: (page.height * displayWidth) / page.width }
}

/** True when the rect lies within the page (with a tiny tolerance) and has a positive size. */
export function isValidFractionRect(r: FractionRect, eps = 1e-9): boolean {
  const nums = [r.x, r.y, r.w, r.h]
  if (nums.some((n) => typeof n !== 'number' || !Number.isFinite(n))) return false
  return r.w > 0 && r.h > 0 && r.x >= -eps && r.y >= -eps && r.x + r.w <= 1 + eps && r.y + r.h <= 1 + eps
}

/** Whether a point (pixels, rotated box) falls in a field's area: for tap hit-testing. */
export function hitTest(r: FractionRect, page: Size, rotation: Rotation, point: { x: number; y: number }): boolean {
  const p = fractionToPixels(r, page, rotation)
  return point.x >= p.left && point.x <= p.left + p.width && point.y >= p.top && point.y <= p.top + p.height
}
