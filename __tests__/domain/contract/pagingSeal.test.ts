import { DEFAULT_MAX_PAGES_PER_SEAL, pagingGroups, pagingSealSlices, pagingSliceOf } from '@/domain/contract/pagingSeal'

/** Within each group the slices must tile [0, size] exactly. */
function expectExactCover(pageCount: number, size: number, max?: number) {
  const slices = pagingSealSlices(pageCount, size, max)
  expect(slices).toHaveLength(pageCount)
  expect(slices.map((s) => s.page)).toEqual(Array.from({ length: pageCount }, (_, i) => i))
  const groups = new Map<number, typeof slices>()
  for (const s of slices) groups.set(s.group, [...(groups.get(s.group) ?? []), s])
  for (const g of groups.values()) {
    expect(g[0].offset).toBe(0)
    for (let i = 1; i < g.length; i++) expect(g[i].offset).toBeCloseTo(g[i - 1].offset + g[i - 1].width, 12) // no gap, no overlap (to float precision)
    const last = g[g.length - 1]
    expect(last.offset + last.width).toBeCloseTo(size, 12) // ends at the seal's width
    expect(g.every((s, i) => i === 0 || s.offset > g[i - 1].offset)).toBe(true)
    expect(g.every((s) => s.slices === g.length && s.width > 0)).toBe(true)
    const total = g.reduce((n, s) => n + s.width, 0)
    expect(total).toBeCloseTo(size, 9)
    // equal slices
    for (const s of g) expect(s.width).toBeCloseTo(size / g.length, 9)
  }
  return slices
}

describe('paging seal (骑缝章) split', () => {
  test('N pages share one seal: slice i is [D·i/N, D·(i+1)/N)', () => {
    for (const n of [1, 2, 3, 5, 6, 7, 8, 12, 20]) expectExactCover(n, 119, DEFAULT_MAX_PAGES_PER_SEAL)
    const s = pagingSealSlices(4, 100)
    expect(s.map((x) => [x.offset, x.width])).toEqual([
      [0, 25],
      [25, 25],
      [50, 25],
      [75, 25]
    ])
    expect(pagingSealSlices(1, 100)).toEqual([{ page: 0, group: 0, slice: 0, slices: 1, offset: 0, width: 100 }])
  })

  test('sizes that do not divide evenly still tile exactly', () => {
    for (const size of [100, 119.0, 1 / 3, 159.7]) for (const n of [3, 7, 11, 13]) expectExactCover(n, size)
  })

  test('long documents get one whole seal per group of at most 20 pages, groups as even as possible', () => {
    expect(pagingGroups(20)).toEqual([20])
    expect(pagingGroups(21)).toEqual([11, 10])
    expect(pagingGroups(200)).toEqual(Array(10).fill(20))
    expect(pagingGroups(45)).toEqual([15, 15, 15])
    expect(pagingGroups(8, 3)).toEqual([3, 3, 2])
    const slices = expectExactCover(200, 119)
    expect(new Set(slices.map((s) => s.group)).size).toBe(10)
    expectExactCover(45, 100)
    expectExactCover(8, 100, 3)
  })

  test('one page’s slice; bad input', () => {
    expect(pagingSliceOf(2, 4, 100)).toEqual({ page: 2, group: 0, slice: 2, slices: 4, offset: 50, width: 25 })
    expect(pagingSliceOf(4, 4, 100)).toBeNull()
    expect(pagingSliceOf(-1, 4, 100)).toBeNull()
    expect(pagingSealSlices(0, 100)).toEqual([])
    expect(pagingGroups(2.5)).toEqual([])
  })
})
