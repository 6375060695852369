/**
 * Meeting times as the host types them: 'YYYY-MM-DD HH:mm' in the device's time zone
 * ('/' and a 'T' are accepted too). NaN when it is not a real date and time.
 */
const TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T]+(\d{1,2}):(\d{2})$/

export function parseMeetingTime(text: string): number {
  const m = TIME.exec((text ?? '').trim())
  if (!m) return NaN
  const [y, mo, d, h, mi] = m.slice(1).map(Number)
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return NaN
  const date = new Date(y, mo - 1, d, h, mi)
  // 2026-02-30 rolls over to March: not a real date
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return NaN
  return date.getTime()
}

export function formatMeetingTime(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}
