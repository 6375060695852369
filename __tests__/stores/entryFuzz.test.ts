/**
 * 10 000 random and mutated inputs through the entry page's logic (EntryStore.open: offline
 * parse, then the backend's resolveEntry): never an uncaught exception, always a typed outcome
 * with a Chinese message; only untouched links open.
 */
import { mulberry32 } from '@/domain/random'
import { world } from './helpers'

const CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./:?#&=%-_~@\\ 签署码'

test('10 000 random and mutated inputs never throw and always end in a typed state', async () => {
  const w = world()
  const valid = w.sandbox.dev.listDemoLinks().map((l) => l.link)
  const rng = mulberry32(424242)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]
  const randomText = (n: number) => Array.from({ length: n }, () => pick([...CHARS])).join('')
  const mutate = (s: string): string => {
    const i = Math.floor(rng.next() * s.length)
    switch (Math.floor(rng.next() * 6)) {
      case 0:
        return s.slice(0, i) + pick([...CHARS]) + s.slice(i + 1)
      case 1:
        return s.slice(0, i) + s.slice(i + 1)
      case 2:
        return s.slice(0, i) + pick([...CHARS]) + s.slice(i)
      case 3:
        return s.slice(0, i)
      case 4:
        return encodeURIComponent(s)
      default:
        return s.replace(/[a-z]/, (c) => c.toUpperCase())
    }
  }
  const counts: Record<string, number> = {}
  let opened = 0
  for (let k = 0; k < 10_000; k++) {
    const r = rng.next()
    const input = r < 0.3 ? randomText(1 + Math.floor(rng.next() * 80)) : r < 0.95 ? mutate(pick(valid)) : pick(valid)
    const state = await w.store.entry.open(input)
    expect(['refused', 'closed', 'ready']).toContain(state.kind)
    if (state.kind === 'refused') {
      expect(state.message).toMatch(/[\u4e00-\u9fff]/)
      expect(state.code).toMatch(/^[A-Z_]+$/)
      counts[state.code] = (counts[state.code] ?? 0) + 1
    } else {
      opened++
      // Whatever opened must be a real, unmodified link (or one whose change is invisible to it, e.g. URL-encoding).
      expect(valid.some((v) => decodeURIComponent(input).includes(v.slice(v.indexOf('/s/') + 3)))).toBe(true)
    }
  }
  console.log(`entry fuzz: 10000 inputs, ${opened} opened, refusals by code: ${JSON.stringify(counts)}`)
  expect(opened).toBeGreaterThan(100)
}, 60_000)
