import {
  fitWidth,
  fractionToPixels,
  hitTest,
  isValidFractionRect,
  normalizeRotation,
  pixelsToFraction,
  rotatedSize,
  type FractionRect,
  type Rotation
} from '@/domain/contract/geometry'

const A4 = { width: 595, height: 842 }
const R: FractionRect = { x: 0.1, y: 0.2, w: 0.3, h: 0.05 }

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9)

describe('fraction ↔ pixel mapping', () => {
  test('unrotated, at several sizes', () => {
    for (const size of [A4, { width: 375, height: 530.59 }, { width: 1190, height: 1684 }, { width: 100, height: 100 }]) {
      const p = fractionToPixels(R, size)
      close(p.left, 0.1 * size.width)
      close(p.top, 0.2 * size.height)
      close(p.width, 0.3 * size.width)
      close(p.height, 0.05 * size.height)
    }
    expect(fractionToPixels({ x: 0, y: 0, w: 1, h: 1 }, A4)).toEqual({ left: 0, top: 0, width: 595, height: 842 })
  })

  test('rotated 90° clockwise: the page box becomes height × width, the top-left corner goes top-right', () => {
    expect(rotatedSize(A4, 90)).toEqual({ width: 842, height: 595 })
    const p = fractionToPixels(R, A4, 90)
    close(p.left, 842 - (0.2 + 0.05) * 842)
    close(p.top, 0.1 * 595)
    close(p.width, 0.05 * 842)
    close(p.height, 0.3 * 595)
    // a tiny box at the page's top-left corner lands at the rotated box's top-right corner
    const corner = fractionToPixels({ x: 0, y: 0, w: 0.01, h: 0.01 }, A4, 90)
    close(corner.left + corner.width, 842)
    close(corner.top, 0)
  })

  test('rotated 180° and 270°', () => {
    const p180 = fractionToPixels(R, A4, 180)
    close(p180.left, 595 - 0.4 * 595)
    close(p180.top, 842 - 0.25 * 842)
    close(p180.width, 0.3 * 595)
    const p270 = fractionToPixels(R, A4, 270)
    close(p270.left, 0.2 * 842)
    close(p270.top, 595 - 0.4 * 595)
    close(p270.width, 0.05 * 842)
    close(p270.height, 0.3 * 595)
    const corner = fractionToPixels({ x: 0, y: 0, w: 0.01, h: 0.01 }, A4, 270)
    close(corner.left, 0)
    close(corner.top + corner.height, 595) // bottom-left
  })

  test('round trip at every rotation and size; areas keep their proportion of the page', () => {
    const rects: FractionRect[] = [R, { x: 0, y: 0, w: 1, h: 1 }, { x: 0.62, y: 0.86, w: 0.2, h: 0.06 }, { x: 0.8, y: 0.42, w: 0.2, h: 0.14 }]
    for (const size of [A4, { width: 320, height: 452.9 }, { width: 2000, height: 3000 }]) {
      for (const rot of [0, 90, 180, 270] as Rotation[]) {
        for (const r of rects) {
          const p = fractionToPixels(r, size, rot)
          const back = pixelsToFraction(p, size, rot)
          close(back.x, r.x)
          close(back.y, r.y)
          close(back.w, r.w)
          close(back.h, r.h)
          const box = rotatedSize(size, rot)
          expect(p.left).toBeGreaterThanOrEqual(-1e-9)
          expect(p.top).toBeGreaterThanOrEqual(-1e-9)
          expect(p.left + p.width).toBeLessThanOrEqual(box.width + 1e-9)
          expect(p.top + p.height).toBeLessThanOrEqual(box.height + 1e-9)
          close(p.width * p.height, r.w * r.h * size.width * size.height)
        }
      }
    }
  })

  test('rotating twice by 90° equals rotating by 180°', () => {
    const once = fractionToPixels(R, A4, 90)
    const rotatedPage = rotatedSize(A4, 90)
    const twice = fractionToPixels(pixelsToFraction(once, rotatedPage, 0), rotatedPage, 90)
    const direct = fractionToPixels(R, A4, 180)
    close(twice.left, direct.left)
    close(twice.top, direct.top)
    close(twice.width, direct.width)
    close(twice.height, direct.height)
  })

  test('helpers: normalizeRotation, fitWidth, validity, hit testing', () => {
    expect([0, 90, 180, 270, 360, -90, 450, 89].map(normalizeRotation)).toEqual([0, 90, 180, 270, 0, 270, 90, 90])
    expect(fitWidth(A4, 375)).toEqual({ width: 375, height: (842 * 375) / 595 })
    expect(isValidFractionRect(R)).toBe(true)
    expect(isValidFractionRect({ x: 0.9, y: 0, w: 0.2, h: 0.1 })).toBe(false)
    expect(isValidFractionRect({ x: 0, y: 0, w: 0, h: 0.1 })).toBe(false)
    expect(isValidFractionRect({ x: NaN, y: 0, w: 0.1, h: 0.1 })).toBe(false)
    expect(hitTest(R, A4, 0, { x: 100, y: 180 })).toBe(true)
    expect(hitTest(R, A4, 0, { x: 10, y: 10 })).toBe(false)
    const p = fractionToPixels(R, A4, 90)
    expect(hitTest(R, A4, 90, { x: p.left + 1, y: p.top + 1 })).toBe(true)
  })
})
