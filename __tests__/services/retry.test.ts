import { createSandbox } from '@sandbox'
import { ServiceError } from '@/services/errors'
import { backoffDelay, RETRY_SAFE, withRetry } from '@/services/retry'
import { OPERATIONS, type InkSealService } from '@/services/types'

function flaky(failures: number, code: 'NETWORK_ERROR' | 'SMS_CODE_WRONG' = 'NETWORK_ERROR') {
  const sandbox = createSandbox({ seed: 5, latency: { min: 0, max: 0 } })
  let calls = 0
  const service = {
    ...sandbox,
    resolveEntry: async (input: { flowId: string; linkToken: string }) => {
      calls++
      if (calls <= failures) throw new ServiceError(code, '失败')
      return sandbox.resolveEntry(input)
    },
    sendSmsCode: async () => {
      calls++
      throw new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
    }
  } as InkSealService
  const link = sandbox.dev.listDemoLinks()[0]
  const token = link.payload.split('.')[3]
  return { service, input: { flowId: link.flowId, linkToken: token }, calls: () => calls }
}

const noSleep = { sleep: async () => undefined, random: () => 0.5 }

describe('withRetry', () => {
  test('a read that fails twice on the network succeeds on the third try, with growing delays', async () => {
    const f = flaky(2)
    const delays: number[] = []
    const s = withRetry(f.service, { ...noSleep, onRetry: (i) => delays.push(i.delayMs) })
    const r = await s.resolveEntry(f.input)
    expect(r.flow.flowId).toBe(f.input.flowId)
    expect(f.calls()).toBe(3)
    expect(delays).toEqual([400, 800])
  })

  test('gives up after the attempts and rethrows the transient error', async () => {
    const f = flaky(5)
    const s = withRetry(f.service, { ...noSleep, attempts: 3 })
    await expect(s.resolveEntry(f.input)).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    expect(f.calls()).toBe(3)
  })

  test('an answer (not transient) is never retried', async () => {
    const f = flaky(1, 'SMS_CODE_WRONG')
    const s = withRetry(f.service, noSleep)
    await expect(s.resolveEntry(f.input)).rejects.toMatchObject({ code: 'SMS_CODE_WRONG' })
    expect(f.calls()).toBe(1)
  })

  test('an unsafe operation (sending an SMS) is never repeated behind the user', async () => {
    const f = flaky(0)
    const s = withRetry(f.service, noSleep)
    await expect(s.sendSmsCode({ mobile: '13800138000', purpose: 'REAL_NAME' })).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    expect(f.calls()).toBe(1)
  })

  test('codes, face and intent are never retried; reads and the keyed submission are', () => {
    for (const op of ['sendSmsCode', 'verifyRealName', 'completeFace', 'startIntent', 'confirmIntent', 'declineSigning', 'uploadChunk']) {
      expect(RETRY_SAFE.has(op)).toBe(false)
    }
    for (const op of ['resolveEntry', 'getFlow', 'getContractPages', 'submitSigning', 'getMeetingBoard']) expect(RETRY_SAFE.has(op)).toBe(true)
    const ops = new Set<string>(OPERATIONS)
    expect([...RETRY_SAFE].filter((op) => !ops.has(op))).toEqual([])
  })

  test('backoff doubles, is capped and jittered ±20 %', () => {
    expect(backoffDelay(1, 400, 3000, () => 0.5)).toBe(400)
    expect(backoffDelay(3, 400, 3000, () => 0.5)).toBe(1600)
    expect(backoffDelay(6, 400, 3000, () => 0.5)).toBe(3000)
    expect(backoffDelay(1, 400, 3000, () => 0)).toBe(320)
    expect(backoffDelay(1, 400, 3000, () => 1)).toBe(480)
  })
})
