/**
 * The two timestamp formats the landing route shows (a link's expiry, a flow's deadline, the
 * sandbox SMS time), in the device's local time. Written by hand on purpose: the landing route
 * must stay within 1.6× a bare Taro app (BENCHMARKS.md), dayjs costs it about 3 KB gzip, and
 * these formats need nothing of dayjs's parsing, plugins or locales. Everything past the landing
 * route (subpackages) formats with dayjs. `__tests__/domain/localTime.test.ts` checks both
 * against dayjs.
 */
const p2 = (n: number) => String(n).padStart(2, '0')

/** 'YYYY-MM-DD HH:mm' */
export function formatDateTime(t: number): string {
  const d = new Date(t)
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}`
}

/** 'HH:mm:ss' */
export function formatClock(t: number): string {
  const d = new Date(t)
  return `${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`
}
