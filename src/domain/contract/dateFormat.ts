/**
 * Signing dates, written in Beijing time (UTC+8, no daylight saving) whatever the device's zone.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

export type DateFormat = 'YYYY年MM月DD日' | 'YYYY-MM-DD' | 'YYYY/MM/DD'

export const DATE_FORMATS: readonly DateFormat[] = ['YYYY年MM月DD日', 'YYYY-MM-DD', 'YYYY/MM/DD']

export const BEIJING_OFFSET_MINUTES = 8 * 60

export function isDateFormat(f: unknown): f is DateFormat {
  return typeof f === 'string' && (DATE_FORMATS as readonly string[]).includes(f)
}

/** `t` (epoch ms) as a Beijing date in `format`, e.g. 2026年11月21日. */
export function formatSignDate(t: number, format: DateFormat): string {
  return dayjs(t).utcOffset(BEIJING_OFFSET_MINUTES).format(format)
}

/** Beijing date-time for audit lists, e.g. 2026-11-21 10:00:00. */
export function formatDateTime(t: number): string {
  return dayjs(t).utcOffset(BEIJING_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm:ss')
}

const PATTERNS: Record<DateFormat, RegExp> = {
  YYYY年MM月DD日: /^(\d{4})年(\d{2})月(\d{2})日$/,
  'YYYY-MM-DD': /^(\d{4})-(\d{2})-(\d{2})$/,
  'YYYY/MM/DD': /^(\d{4})\/(\d{2})\/(\d{2})$/
}

/** Parses a date written in `format` (a real calendar date) to {year, month, day}, or null. */
export function parseSignDate(s: string, format: DateFormat): { year: number; month: number; day: number } | null {
  const m = PATTERNS[format].exec(s)
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return { year, month, day }
}
