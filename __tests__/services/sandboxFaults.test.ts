import { createSandbox, type SandboxFaults } from '@sandbox'

const mobile = '13800138000'

function sb(faults: SandboxFaults, seed = 1) {
  const slept: number[] = []
  const s = createSandbox({
    seed,
    latency: { min: 0, max: 0 },
    sleep: async (ms) => void slept.push(ms),
    now: () => Date.UTC(2026, 10, 21),
    faults
  })
  return { s, slept }
}

describe('sandbox fault injection per operation', () => {
  test("an error 'before' commit leaves no trace: no SMS was sent", async () => {
    const { s } = sb({ perOp: { sendSmsCode: { errorRate: 1 } } })
    await expect(s.sendSmsCode({ mobile, purpose: 'REAL_NAME' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
    expect(s.dev.listSmsOutbox()).toHaveLength(0)
    expect(s.faultLog).toEqual([{ op: 'sendSmsCode', kind: 'error', when: 'before' }])
  })

  test("an error 'after' commit loses the answer, not the effect: the SMS went out", async () => {
    const { s } = sb({ perOp: { sendSmsCode: { errorRate: 1, when: 'after' } } })
    await expect(s.sendSmsCode({ mobile, purpose: 'REAL_NAME' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
    expect(s.dev.listSmsOutbox()).toHaveLength(1)
    // and the resend window now applies, as it would on a real backend
    await expect(s.sendSmsCode({ mobile, purpose: 'REAL_NAME' })).rejects.toMatchObject({ code: 'SMS_TOO_FREQUENT' })
  })

  test('a timeout hangs for timeoutMs, then fails with TIMEOUT', async () => {
    const { s, slept } = sb({ perOp: { resolveEntry: { timeoutRate: 1, timeoutMs: 8000 } } })
    await expect(s.resolveEntry({ flowId: 'PERSNL26', linkToken: 'abcdefgh' })).rejects.toMatchObject({ code: 'TIMEOUT' })
    expect(slept).toContain(8000)
    expect(s.faultLog[0]).toEqual({ op: 'resolveEntry', kind: 'timeout', when: 'before' })
  })

  test('per-operation latency replaces the global one for that operation only', async () => {
    const { s, slept } = sb({ perOp: { sendSmsCode: { latency: { min: 900, max: 900 } } } })
    await s.sendSmsCode({ mobile, purpose: 'REAL_NAME' })
    await s.signOut({ session: 'x' })
    expect(slept).toEqual([900, 0])
  })

  test('30 % errors are deterministic under the seed and near the rate over many calls', async () => {
    const run = async (seed: number) => {
      const { s } = sb({ perOp: { signOut: { errorRate: 0.3 } } }, seed)
      const outcomes: boolean[] = []
      for (let i = 0; i < 400; i++) {
        outcomes.push(
          await s.signOut({ session: 'x' }).then(
            () => true,
            () => false
          )
        )
      }
      return outcomes
    }
    const a = await run(11)
    expect(await run(11)).toEqual(a)
    expect(await run(12)).not.toEqual(a)
    const failures = a.filter((x) => !x).length
    expect(failures).toBeGreaterThan(80)
    expect(failures).toBeLessThan(160)
  })
})
