const HOUR = 3600 * 1000

/** 'MM月DD日 HH:mm', Beijing time (UTC+8, no daylight saving), whatever the machine's zone. */
export function beijing(t: number): string {
  const d = new Date(t + 8 * HOUR)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCMonth() + 1)}月${p(d.getUTCDate())}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}
