import dayjs from 'dayjs'
import { formatClock, formatDateTime } from '@/domain/localTime'

test('the landing route formats the way dayjs does, across months, years and midnight', () => {
  const times = [Date.UTC(2026, 11, 4, 10, 5, 9), Date.UTC(2026, 0, 1, 0, 0, 0), Date.UTC(2025, 11, 31, 23, 59, 59), Date.UTC(2027, 1, 28, 16, 0, 1)]
  for (let i = 0; i < 200; i++) times.push(Date.UTC(2026, 0, 1) + i * 7_919_311_777)
  for (const t of times) {
    expect(formatDateTime(t)).toBe(dayjs(t).format('YYYY-MM-DD HH:mm'))
    expect(formatClock(t)).toBe(dayjs(t).format('HH:mm:ss'))
  }
})
