import { DATE_FORMATS, formatDateTime, formatSignDate, isDateFormat, parseSignDate } from '@/domain/contract/dateFormat'

describe('signing dates (Beijing time)', () => {
  const t = Date.UTC(2026, 10, 21, 2, 0, 0) // 2026-11-21 10:00 +08:00

  test('each format', () => {
    expect(formatSignDate(t, 'YYYY年MM月DD日')).toBe('2026年11月21日')
    expect(formatSignDate(t, 'YYYY-MM-DD')).toBe('2026-11-21')
    expect(formatSignDate(t, 'YYYY/MM/DD')).toBe('2026/11/21')
    expect(formatSignDate(Date.UTC(2027, 0, 5, 0, 0), 'YYYY年MM月DD日')).toBe('2027年01月05日') // zero-padded
  })

  test('the date is Beijing’s, whatever the device zone: 16:00 UTC is already the next day', () => {
    expect(formatSignDate(Date.UTC(2026, 11, 31, 15, 59, 59), 'YYYY-MM-DD')).toBe('2026-12-31')
    expect(formatSignDate(Date.UTC(2026, 11, 31, 16, 0, 0), 'YYYY-MM-DD')).toBe('2027-01-01')
    expect(formatDateTime(Date.UTC(2026, 11, 31, 16, 0, 5))).toBe('2027-01-01 00:00:05')
  })

  test('parsing and format names', () => {
    expect(parseSignDate('2026年11月21日', 'YYYY年MM月DD日')).toEqual({ year: 2026, month: 11, day: 21 })
    expect(parseSignDate('2026-02-29', 'YYYY-MM-DD')).toBeNull() // not a leap year
    expect(parseSignDate('2028-02-29', 'YYYY-MM-DD')).toEqual({ year: 2028, month: 2, day: 29 })
    expect(parseSignDate('2026/11/21', 'YYYY-MM-DD')).toBeNull()
    for (const f of DATE_FORMATS) expect(parseSignDate(formatSignDate(t, f), f)).toEqual({ year: 2026, month: 11, day: 21 })
    expect(isDateFormat('YYYY-MM-DD')).toBe(true)
    expect(isDateFormat('DD/MM/YYYY')).toBe(false)
  })
})
