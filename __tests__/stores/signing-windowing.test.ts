import { chunksFor, layoutColumn, pageAt, pageWindow, scrollOffsetFor } from '@/components/contract/windowing'

const A4 = { width: 595, height: 842 }

describe('contract windowing', () => {
  const layout = layoutColumn(
    Array.from({ length: 200 }, () => A4),
    350
  )

  test('pages are fitted to the width, keeping their aspect ratio, one under another', () => {
    expect(layout.pages[0]).toEqual({ index: 0, top: 12, width: 350, height: 495 })
    expect(layout.pages[1].top).toBe(12 + 495 + 12)
    expect(layout.height).toBe(12 + 200 * (495 + 12))
    const zoomed = layoutColumn([A4, { width: 842, height: 595 }], 700)
    expect(zoomed.pages[1].height).toBe(Math.round((700 * 595) / 842))
  })

  test('pageAt finds the page at a scroll offset', () => {
    expect(pageAt(layout, 0)).toBe(0)
    expect(pageAt(layout, 600)).toBe(1)
    expect(pageAt(layout, layout.height)).toBe(199)
  })

  test('only pages near the viewport are mounted, never more than the maximum', () => {
    const top = pageWindow(layout, 0, 500)
    expect(top).toMatchObject({ from: 0, firstVisible: 0, lastVisible: 0 })
    expect(pageWindow(layout, 0, 600).lastVisible).toBe(1)
    expect(top.to).toBeLessThanOrEqual(2)
    const mid = pageWindow(layout, scrollOffsetFor(layout, 100), 500)
    expect(mid.from).toBeGreaterThanOrEqual(98)
    expect(mid.to).toBeLessThanOrEqual(102)
    expect(mid.firstVisible).toBeLessThanOrEqual(100)
    expect(mid.lastVisible).toBeGreaterThanOrEqual(100)
    const end = pageWindow(layout, layout.height - 500, 500)
    expect(end.to).toBe(199)
    // A very tall viewport (zoomed out) still mounts at most 6 pages.
    const tall = pageWindow(layout, 0, 10_000)
    expect(tall.to - tall.from + 1).toBe(6)
  })

  test('scroll offsets for a place on a page, and fetch chunks', () => {
    expect(scrollOffsetFor(layout, 0, 0, 40)).toBe(0)
    expect(scrollOffsetFor(layout, 2, 0.5, 0)).toBe(layout.pages[2].top + Math.round(495 / 2))
    expect(chunksFor(3, 12, 5, 200)).toEqual([
      [0, 4],
      [5, 9],
      [10, 14]
    ])
    expect(chunksFor(196, 199, 5, 200)).toEqual([[195, 199]])
    expect(chunksFor(0, -1, 5, 200)).toEqual([])
  })
})
