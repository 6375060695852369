import { ServiceError } from '@/services/errors'
import { heldTicket, resendSeconds } from '@/stores/smsResend'

const T = 1_000_000
const sent = { sentTo: '138****8000', expiresAt: T + 300_000, resendAt: T + 60_000 }

test('resendSeconds rounds up, stops at 0, and is 0 with nothing sent', () => {
  expect(resendSeconds(sent, T)).toBe(60)
  expect(resendSeconds(sent, T + 59_001)).toBe(1)
  expect(resendSeconds(sent, T + 60_000)).toBe(0)
  expect(resendSeconds(sent, T + 90_000)).toBe(0)
  expect(resendSeconds(null, T)).toBe(0)
})

test('heldTicket counts down the wait the backend gave, keeping what is known of the code sent', () => {
  const tooSoon = new ServiceError('SMS_TOO_FREQUENT', '验证码发送过于频繁，请45秒后再试', { retryAfterMs: 45_000 })
  expect(heldTicket(tooSoon, null, T)).toEqual({ sentTo: '', expiresAt: 0, resendAt: T + 45_000 })
  expect(heldTicket(tooSoon, sent, T)).toEqual({ ...sent, resendAt: T + 45_000 })
})

test('heldTicket is null for other errors and for a refusal without a usable wait', () => {
  expect(heldTicket(new ServiceError('SMS_LOCKED', '已锁定', { retryAfterMs: 600_000 }), null, T)).toBeNull()
  expect(heldTicket(new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'), sent, T)).toBeNull()
  expect(heldTicket(new ServiceError('SMS_TOO_FREQUENT', '今日已达上限', {}), sent, T)).toBeNull()
  expect(heldTicket(new ServiceError('SMS_TOO_FREQUENT', 'x', { retryAfterMs: 'soon' }), sent, T)).toBeNull()
  expect(heldTicket(new ServiceError('SMS_TOO_FREQUENT', 'x', { retryAfterMs: 0 }), sent, T)).toBeNull()
})
