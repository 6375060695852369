/**
 * Windowing for long contracts: where each page sits in the scrolled column at a given
 * width, and which pages are near the viewport (only those are mounted). Pure functions.
 */

export interface PageBox {
  index: number
  top: number
  width: number
  height: number
}

export interface ColumnLayout {
  pages: PageBox[]
  /** Total scroll height, including the padding at both ends */
  height: number
  width: number
}

/** Vertical gap between pages and padding at the top and bottom of the column (px). */
export const PAGE_GAP = 12

/**
 * Lays pages out in one column, each fitted to `width` (keeping its aspect ratio).
 * `sizes[i]` is the page's own size in any unit (e.g. PDF points).
 */
export function layoutColumn(sizes: ReadonlyArray<{ width: number; height: number }>, width: number, gap = PAGE_GAP): ColumnLayout {
  const pages: PageBox[] = []
  let y = gap
  const w = Math.max(1, Math.round(width))
  sizes.forEach((s, index) => {
    const ratio = s.width > 0 && s.height > 0 ? s.height / s.width : Math.SQRT2
    const h = Math.round(w * ratio)
    pages.push({ index, top: y, width: w, height: h })
    y += h + gap
  })
  return { pages, height: y, width: w }
}

/** Index of the page at scroll offset `y` (the last page starting at or above it). */
export function pageAt(layout: ColumnLayout, y: number): number {
  const { pages } = layout
  if (pages.length === 0) return -1
  let lo = 0
  let hi = pages.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (pages[mid].top <= y) lo = mid
    else hi = mid - 1
  }
  return lo
}

export interface PageWindow {
  /** First and last mounted page (inclusive); from > to when there are no pages */
  from: number
  to: number
  /** Pages actually intersecting the viewport */
  firstVisible: number
  lastVisible: number
}

/**
 * The pages to mount for a viewport: the visible ones plus `overscan` pages on each side,
 * never more than `max` in all (visible pages first, then neighbours below, then above).
 */
export function pageWindow(layout: ColumnLayout, scrollTop: number, viewportHeight: number, max = 6, overscan = 1): PageWindow {
  const n = layout.pages.length
  if (n === 0) return { from: 0, to: -1, firstVisible: 0, lastVisible: -1 }
  const top = Math.max(0, scrollTop)
  const bottom = top + Math.max(1, viewportHeight)
  const firstVisible = pageAt(layout, top)
  let lastVisible = pageAt(layout, bottom)
  const lastBox = layout.pages[lastVisible]
  if (lastVisible > firstVisible && lastBox.top >= bottom) lastVisible -= 1
  let from = firstVisible
  let to = Math.min(lastVisible, firstVisible + max - 1)
  let below = overscan
  let above = overscan
  while (to - from + 1 < max && (below > 0 || above > 0)) {
    if (below > 0 && to < n - 1) {
      to += 1
      below -= 1
    } else below = 0
    if (to - from + 1 >= max) break
    if (above > 0 && from > 0) {
      from -= 1
      above -= 1
    } else above = 0
  }
  return { from, to, firstVisible, lastVisible: Math.min(lastVisible, to) }
}

/** Scroll offset that shows page `index` at fraction `yFrac` of its height, `margin` px below the top. */
export function scrollOffsetFor(layout: ColumnLayout, index: number, yFrac = 0, margin = 40): number {
  const p = layout.pages[Math.max(0, Math.min(layout.pages.length - 1, index))]
  if (!p) return 0
  return Math.max(0, Math.round(p.top + p.height * yFrac - margin))
}

/** Fixed-size chunks of page indexes to fetch, covering [from, to] (aligned to `chunk`). */
export function chunksFor(from: number, to: number, chunk: number, pageCount: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  if (pageCount <= 0 || to < from) return out
  const a = Math.max(0, from)
  const b = Math.min(pageCount - 1, to)
  for (let start = Math.floor(a / chunk) * chunk; start <= b; start += chunk) {
    out.push([start, Math.min(pageCount - 1, start + chunk - 1)])
  }
  return out
}
