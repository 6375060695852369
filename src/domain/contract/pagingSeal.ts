/**
 * 骑缝章 (paging seal): one seal split across the right edge of consecutive pages; page i shows
 * slice i. Slices of one seal cover it exactly: slice k spans [D·k/n, D·(k+1)/n) of the seal's
 * width D, so there are no gaps and no overlaps and the last ends at exactly D.
 *
 * Very long documents cannot show a readable 1/200 of a seal, so pages are split into groups of
 * at most `maxPagesPerSeal`; each group gets its own whole seal (as paper practice does).
 * Groups are as even as possible (sizes differ by at most 1).
 */

export interface PagingSlice {
  /** 0-based page */
  page: number
  /** Which seal impression (group) this page belongs to, 0-based */
  group: number
  /** Index of the slice within its group */
  slice: number
  /** Pages in the group (= slices of that impression) */
  slices: number
  /** Left edge of the slice within the seal, in the seal's units (0..sealSize) */
  offset: number
  /** Width of the slice (same units) */
  width: number
}

export const DEFAULT_MAX_PAGES_PER_SEAL = 20

/** Page counts of each group: ⌈pages / max⌉ groups, sizes differing by at most 1. */
export function pagingGroups(pageCount: number, maxPagesPerSeal = DEFAULT_MAX_PAGES_PER_SEAL): number[] {
  if (!Number.isInteger(pageCount) || pageCount < 1) return []
  const max = Math.max(1, Math.floor(maxPagesPerSeal))
  const groups = Math.ceil(pageCount / max)
  const base = Math.floor(pageCount / groups)
  const extra = pageCount % groups
  return Array.from({ length: groups }, (_, g) => base + (g < extra ? 1 : 0))
}

/** The slice each page shows. `sealSize` is the seal's width in any unit. */
export function pagingSealSlices(pageCount: number, sealSize: number, maxPagesPerSeal = DEFAULT_MAX_PAGES_PER_SEAL): PagingSlice[] {
  const out: PagingSlice[] = []
  let page = 0
  pagingGroups(pageCount, maxPagesPerSeal).forEach((n, group) => {
    for (let k = 0; k < n; k++) {
      const start = (sealSize * k) / n
      const end = k === n - 1 ? sealSize : (sealSize * (k + 1)) / n
      out.push({ page: page++, group, slice: k, slices: n, offset: start, width: end - start })
    }
  })
  return out
}

/** The slice of one page (null when out of range). */
export function pagingSliceOf(page: number, pageCount: number, sealSize: number, maxPagesPerSeal = DEFAULT_MAX_PAGES_PER_SEAL): PagingSlice | null {
  if (!Number.isInteger(page) || page < 0 || page >= pageCount) return null
  return pagingSealSlices(pageCount, sealSize, maxPagesPerSeal)[page] ?? null
}
