import { createSandbox, DEMO_PEOPLE } from '@sandbox'
import { isServiceError } from '@/services/errors'
import { normalizeFaultPlan, parseFaultPlan, withFaults, type FaultPlan } from '@/services/faultInjection'
import { OPERATIONS } from '@/services/types'

const T0 = Date.UTC(2026, 10, 21, 2, 0, 0)

function sandbox() {
  const clock = { t: T0 }
  const sb = createSandbox({ seed: 7, now: () => clock.t, latency: { min: 0, max: 0 } })
  return { sb, clock }
}

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'ok'
  } catch (e) {
    return isServiceError(e) ? `${e.code}:${String(e.details.phase)}` : 'other'
  }
}

describe('withFaults', () => {
  test('wraps every operation and passes other properties (dev tools) through', () => {
    const { sb } = sandbox()
    const f = withFaults(sb, {})
    for (const op of OPERATIONS) expect(typeof f[op]).toBe('function')
    expect(f.dev).toBe(sb.dev)
    expect(typeof f.faults.set).toBe('function')
  })

  test('before: N fails the next N calls without reaching the backend', async () => {
    const { sb, clock } = sandbox()
    const f = withFaults(sb, { sendSmsCode: { before: 2 } })
    const mobile = DEMO_PEOPLE.ZHANG_SAN.mobile
    expect(await outcome(f.sendSmsCode({ mobile, purpose: 'REAL_NAME' }))).toBe('NETWORK_ERROR:before')
    expect(await outcome(f.sendSmsCode({ mobile, purpose: 'REAL_NAME' }))).toBe('NETWORK_ERROR:before')
    expect(sb.dev.listSmsOutbox()).toHaveLength(0) // the backend never saw them
    expect(await outcome(f.sendSmsCode({ mobile, purpose: 'REAL_NAME' }))).toBe('ok')
    expect(sb.dev.listSmsOutbox()).toHaveLength(1)
    clock.t += 61_000
    expect(await outcome(f.sendSmsCode({ mobile, purpose: 'REAL_NAME' }))).toBe('ok')
    expect(f.faults.injected.map((x) => x.call)).toEqual([1, 2])
  })

  test('after: N runs the real operation, then loses the response', async () => {
    const { sb, clock } = sandbox()
    const f = withFaults(sb, { sendSmsCode: { after: 1 } })
    const mobile = DEMO_PEOPLE.ZHANG_SAN.mobile
    expect(await outcome(f.sendSmsCode({ mobile, purpose: 'REAL_NAME' }))).toBe('NETWORK_ERROR:after')
    // The backend committed: the SMS went out, and an immediate resend is refused as too frequent.
    expect(sb.dev.listSmsOutbox()).toHaveLength(1)
    const again = await outcome(f.sendSmsCode({ mobile, purpose: 'REAL_NAME' }))
    expect(again.startsWith('SMS_TOO_FREQUENT')).toBe(true)
    clock.t += 61_000
    expect(await outcome(f.sendSmsCode({ mobile, purpose: 'REAL_NAME' }))).toBe('ok')
  })

  test('only the named operation is affected; skip lets the first calls pass', async () => {
    const { sb } = sandbox()
    const f = withFaults(sb, { listMyFlows: { skip: 1, before: 1 } })
    const link = sb.dev.listDemoLinks()[0]
    const token = /\.S\.([^.]+)\.([^.]+)\./.exec(link.payload)
    expect(token).toBeTruthy()
    expect(await outcome(f.resolveEntry({ flowId: link.flowId, linkToken: token![2] }))).toBe('ok')
    expect(await outcome(f.listMyFlows({ session: 'x' }))).toBe('SESSION_INVALID:undefined')
    expect(await outcome(f.listMyFlows({ session: 'x' }))).toBe('NETWORK_ERROR:before')
    expect(await outcome(f.listMyFlows({ session: 'x' }))).toBe('SESSION_INVALID:undefined')
  })

  test('a seeded rate is deterministic: same seed, same failures', async () => {
    const run = async (seed: number) => {
      const { sb } = sandbox()
      const f = withFaults(sb, { listMyFlows: { rate: 0.5, seed } })
      const out: string[] = []
      for (let i = 0; i < 20; i++) out.push(await outcome(f.listMyFlows({ session: 'x' })))
      return out
    }
    const a = await run(42)
    const b = await run(42)
    const c = await run(43)
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    const failures = a.filter((x) => x.startsWith('NETWORK_ERROR')).length
    expect(failures).toBeGreaterThan(3)
    expect(failures).toBeLessThan(17)
  })

  test('onChange reports the remaining plan as counted faults are consumed', async () => {
    const { sb } = sandbox()
    const seen: FaultPlan[] = []
    const f = withFaults(sb, { listMyFlows: { before: 1, after: 1 } }, { onChange: (p) => seen.push(p) })
    await outcome(f.listMyFlows({ session: 'x' }))
    await outcome(f.listMyFlows({ session: 'x' }))
    expect(seen).toEqual([{ listMyFlows: { after: 1 } }, {}])
    expect(f.faults.plan()).toEqual({})
    f.faults.set({ listMyFlows: { before: 1 } })
    expect(await outcome(f.listMyFlows({ session: 'x' }))).toBe('NETWORK_ERROR:before')
  })

  test('the stored plan is parsed defensively', () => {
    expect(parseFaultPlan(null)).toEqual({})
    expect(parseFaultPlan('not json')).toEqual({})
    expect(parseFaultPlan('[1,2]')).toEqual({})
    expect(parseFaultPlan(JSON.stringify({ nope: { before: 1 }, listMyFlows: { before: -1 } }))).toEqual({})
    expect(normalizeFaultPlan({ listMyFlows: { after: 2.7, rate: 3 } })).toEqual({
      listMyFlows: { after: 2, rate: 1, when: 'before', seed: 1 }
    })
  })
})
