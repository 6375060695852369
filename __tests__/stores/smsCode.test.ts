import { ServiceError } from '@/services/errors'
import { Clock } from '@/stores/clock'
import { SmsCode } from '@/stores/smsCode'

const T = 1_000_000
const ticket = (at: number) => ({ sentTo: '138****8000', expiresAt: at + 300_000, resendAt: at + 60_000 })

function unit() {
  const t = { now: T }
  const clock = new Clock(() => t.now)
  return { t, clock, sms: new SmsCode(clock) }
}

test('the clock ticks only while a countdown needs it, and tests drive its time', () => {
  jest.useFakeTimers()
  try {
    const t = { now: T }
    const clock = new Clock(() => t.now)
    let left = 2
    clock.tickWhile(() => left > 0)
    t.now += 1_000
    jest.advanceTimersByTime(1_000)
    expect(clock.time).toBe(T + 1_000)
    left = 0
    t.now += 1_000
    jest.advanceTimersByTime(1_000)
    expect(clock.time).toBe(T + 2_000)
    t.now += 5_000
    jest.advanceTimersByTime(5_000)
    expect(clock.time).toBe(T + 2_000) // stopped
    clock.tick()
    expect(clock.time).toBe(T + 7_000)
  } finally {
    jest.useRealTimers()
  }
})

test('a ticker can be cancelled at once; the clock keeps ticking for the others', () => {
  jest.useFakeTimers()
  try {
    const t = { now: T }
    const clock = new Clock(() => t.now)
    const cancelA = clock.tickWhile(() => true)
    const cancelB = clock.tickWhile(() => true)
    expect(jest.getTimerCount()).toBe(1)
    cancelA()
    t.now += 1_000
    jest.advanceTimersByTime(1_000)
    expect(clock.time).toBe(T + 1_000) // B still needs it
    cancelB()
    expect(jest.getTimerCount()).toBe(0)
    t.now += 1_000
    jest.advanceTimersByTime(1_000)
    expect(clock.time).toBe(T + 1_000)
  } finally {
    jest.useRealTimers()
  }
})

test('a sent code counts down to 0 and is not asked for again meanwhile', async () => {
  const { t, clock, sms } = unit()
  const request = jest.fn(async () => ticket(t.now))
  expect(await sms.send(request)).toEqual({ ok: true, ticket: ticket(T) })
  expect(sms.resendIn).toBe(60)
  expect(await sms.send(request)).toEqual({ ok: false, error: null })
  expect(request).toHaveBeenCalledTimes(1)
  t.now += 59_001
  clock.tick()
  expect(sms.resendIn).toBe(1)
  t.now += 1_000
  clock.tick()
  expect(sms.resendIn).toBe(0)
  clock.dispose()
})

test('SMS_TOO_FREQUENT with retryAfterMs holds the countdown (unless told not to); other errors do not', async () => {
  const tooSoon = new ServiceError('SMS_TOO_FREQUENT', '验证码发送过于频繁，请45秒后再试', { retryAfterMs: 45_000 })
  const a = unit()
  const r = await a.sms.send(() => Promise.reject(tooSoon))
  expect(r).toEqual({ ok: false, error: tooSoon })
  expect(a.sms.ticket).toEqual({ sentTo: '', expiresAt: 0, resendAt: T + 45_000 })
  expect(a.sms.resendIn).toBe(45)
  a.clock.dispose()
  const b = unit()
  await b.sms.send(() => Promise.reject(tooSoon), false)
  expect(b.sms.resendIn).toBe(0)
  await b.sms.send(() => Promise.reject(new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')))
  expect(b.sms.ticket).toBeNull()
})

test('the code input: a message once touched, the caller’s message until typed again, cleared', () => {
  const { sms } = unit()
  expect(sms.message).toBeNull()
  sms.touch()
  expect(sms.message).toBeTruthy()
  sms.setCode('123456')
  expect(sms.message).toBeNull()
  sms.fail('验证码错误')
  expect(sms.message).toBe('验证码错误')
  sms.setCode('123457')
  expect(sms.message).toBeNull()
  sms.clear()
  expect([sms.code, sms.ticket, sms.touched]).toEqual(['', null, false])
})
