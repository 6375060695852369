/**
 * The app's sandbox (onDemand.ts): the core at once, the signing and enterprise modules when
 * first needed, with the same answers as the whole sandbox (createSandbox).
 */
import { enterpriseModule } from '@sandbox/enterprise'
import { hostModule } from '@sandbox/host'
import { createOnDemandSandbox, type SandboxModuleLoaders } from '@sandbox/onDemand'
import { orgModule } from '@sandbox/org'
import { signingModule } from '@sandbox/signing'
import { ServiceError } from '@/services/errors'
import { MemoryStorage } from '@/services/storage'
import { DEMO_FLOWS, type SandboxService } from '@sandbox'
import type { SandboxDevTools } from '@/services/types'
import { faceIntent, join, linkToken, makePng, readAll, setup, SECOND, T0, valuesFor, type Env } from './signing.helpers'

function counting(fail: { signing?: number; enterprise?: number } = {}) {
  const calls = { signing: 0, enterprise: 0, org: 0 }
  const loaders: SandboxModuleLoaders = {
    signing: async () => {
      calls.signing++
      if (calls.signing <= (fail.signing ?? 0)) throw new Error('Loading chunk sandbox-signing failed')
      return signingModule
    },
    enterprise: async () => {
      calls.enterprise++
      if (calls.enterprise <= (fail.enterprise ?? 0)) throw new Error('Loading chunk sandbox-enterprise failed')
      return enterpriseModule
    },
    host: async () => hostModule,
    org: async () => {
      calls.org++
      return orgModule
    }
  }
  return { calls, loaders }
}

/** An Env (signing.helpers) over an on-demand sandbox; the helpers only use the core's tools. */
function onDemandEnv(seed: number, storage = new MemoryStorage(), clock = { t: T0 }, fail = {}) {
  const { calls, loaders } = counting(fail)
  const od = createOnDemandSandbox({ seed, storage, latency: { min: 0, max: 0 }, now: () => clock.t }, loaders)
  const sb = { ...od.service, dev: od.dev as SandboxDevTools, faultLog: od.faultLog } as SandboxService
  const env: Env = { sb, storage, clock, advance: (ms) => void (clock.t += ms) }
  return { env, od, calls }
}

async function board(env: Env) {
  const [m] = env.sb.dev.listMeetings()
  const key = /[?&]k=([^&]+)/.exec(m.screenLink)![1]
  return env.sb.getMeetingBoard({ meetingId: m.meetingId, boardKey: key })
}

/** 孙磊 signs the lab flow; 刘洋, who has not joined, is scheduled to sign after him. */
async function sunLeiSigns(env: Env) {
  const flowId = DEMO_FLOWS.STRATEGIC_LAB
  const { session, signerId } = await join(env, 'SUN_LEI', flowId)
  const contract = await readAll(env, session, flowId)
  env.advance(60 * SECOND)
  const intentToken = await faceIntent(env, session, flowId)
  const mine = await env.sb.listMySeals({ session, flowId, signerId })
  const seal = mine.seals.find((x) => x.acceptedBy.length > 0)!
  const values = valuesFor(contract, signerId, { png: makePng(240, 90, 3), sealId: seal.sealId, pagingSealId: seal.sealId })
  return env.sb.submitSigning({ session, flowId, signerId, intentToken, idempotencyKey: 'on-demand-1', values })
}

test('the entry check and the meeting board are answered by the core alone', async () => {
  const { env, od, calls } = onDemandEnv(3)
  const flowId = DEMO_FLOWS.PERSONAL
  const r = await env.sb.resolveEntry({ flowId, linkToken: linkToken(env.sb, flowId) })
  expect(r.flow.flowId).toBe(flowId)
  expect((await board(env)).flows.length).toBeGreaterThan(0)
  expect(env.sb.dev.listSmsOutbox()).toEqual([])
  expect(od.loaded()).toEqual([])
  expect(calls).toEqual({ signing: 0, enterprise: 0, org: 0 })
})

test("a module's operations load that module only, once", async () => {
  const { env, od, calls } = onDemandEnv(3)
  await expect(env.sb.getContract({ session: 'nobody', flowId: DEMO_FLOWS.PERSONAL })).rejects.toMatchObject({ code: 'SESSION_INVALID' })
  await expect(env.sb.listMySeals({ session: 'nobody', flowId: DEMO_FLOWS.PERSONAL, signerId: 'x' })).rejects.toMatchObject({ code: 'SESSION_INVALID' })
  expect(od.loaded()).toEqual(['signing'])
  await expect(env.sb.getEnterpriseApplication({ session: 'nobody', applicationId: 'x' } as never)).rejects.toBeInstanceOf(ServiceError)
  expect(od.loaded()).toEqual(['signing', 'enterprise'])
  expect(calls).toEqual({ signing: 1, enterprise: 1, org: 0 })
  await expect(env.sb.listMyOrgs({ session: 'nobody' })).rejects.toMatchObject({ code: 'SESSION_INVALID' })
  expect(od.loaded()).toEqual(['signing', 'enterprise', 'org'])
  expect(calls).toEqual({ signing: 1, enterprise: 1, org: 1 })
})

test('the same answers as the whole sandbox, under the same seed', async () => {
  const whole = setup({ seed: 11 })
  const part = onDemandEnv(11).env
  const results = []
  for (const env of [whole, part]) {
    const signed = await sunLeiSigns(env)
    env.advance(30 * SECOND)
    results.push({ signed, board: await board(env), outbox: env.sb.dev.listSmsOutbox() })
  }
  expect(results[1]).toEqual(results[0])
  expect(results[0].board.flows.find((f) => f.flowId === DEMO_FLOWS.STRATEGIC_LAB)!.signedCount).toBe(2)
})

test('scheduled signers: after a restart the core loads the signing module before the board answers', async () => {
  const storage = new MemoryStorage()
  const clock = { t: T0 }
  const first = onDemandEnv(12, storage, clock)
  expect((await sunLeiSigns(first.env)).signerStatus).toBe('SIGNED')

  // The app starts again: a new sandbox on the same storage; only the board is asked for.
  const again = onDemandEnv(12, storage, clock)
  again.env.advance(30 * SECOND)
  const lab = (await board(again.env)).flows.find((f) => f.flowId === DEMO_FLOWS.STRATEGIC_LAB)!
  expect(again.od.loaded()).toEqual(['signing'])
  expect(lab.signedCount).toBe(2)
  expect(lab.status).toBe('COMPLETED')

  // Nothing scheduled any more: a third start answers from the core alone.
  const third = onDemandEnv(12, storage, clock)
  expect((await board(third.env)).flows.find((f) => f.flowId === DEMO_FLOWS.STRATEGIC_LAB)!.signedCount).toBe(2)
  expect(third.od.loaded()).toEqual([])
})

test('a module that does not arrive is a retryable network error, and the next call loads it', async () => {
  const { env, od, calls } = onDemandEnv(4, new MemoryStorage(), { t: T0 }, { signing: 1 })
  const e = await env.sb.getContract({ session: 'nobody', flowId: DEMO_FLOWS.PERSONAL }).catch((x) => x)
  expect(e).toBeInstanceOf(ServiceError)
  expect(e.code).toBe('NETWORK_ERROR')
  expect(e.message).toBe('网络连接失败，请检查网络后重试')
  expect(e.transient).toBe(true)
  expect(od.loaded()).toEqual([])
  await expect(env.sb.getContract({ session: 'nobody', flowId: DEMO_FLOWS.PERSONAL })).rejects.toMatchObject({ code: 'SESSION_INVALID' })
  expect(od.loaded()).toEqual(['signing'])
  expect(calls.signing).toBe(2)
})

test('a loader that refuses with a ServiceError (the WeChat build has no host console) keeps its code', async () => {
  const { loaders } = counting()
  loaders.host = async () => {
    throw new ServiceError('UNSUPPORTED', '小程序暂不支持发起会中签约，请在电脑浏览器中打开主持人控制台')
  }
  const od = createOnDemandSandbox({ seed: 6, latency: { min: 0, max: 0 } }, loaders)
  const e = await od.service.listHostedMeetings({ session: 'nobody' }).catch((x) => x)
  expect(e).toBeInstanceOf(ServiceError)
  expect(e.code).toBe('UNSUPPORTED')
  expect(e.transient).toBe(false)
  expect(od.loaded()).toEqual([])
})

test('the host module loads on its first operation', async () => {
  const { od } = onDemandEnv(7)
  await expect(od.service.listHostedMeetings({ session: 'nobody' })).rejects.toMatchObject({ code: 'SESSION_INVALID' })
  expect(od.loaded()).toEqual(['host'])
})

test('allDev loads every module and gives every tool', async () => {
  const { od } = onDemandEnv(5)
  expect('listDemoSeals' in od.dev).toBe(false)
  const all = await od.allDev()
  expect(od.loaded().sort()).toEqual(['enterprise', 'org', 'signing'])
  expect(typeof all.createOrgContract).toBe('function')
  expect(all.listDemoSeals().length).toBeGreaterThan(0)
  expect(all.listLicenseSamples().length).toBeGreaterThan(0)
  expect(all.listDemoLinks()).toEqual(od.dev.listDemoLinks())
  expect(await od.allDev()).toBe(all)
})
