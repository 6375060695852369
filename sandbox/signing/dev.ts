/**
 * The signing module's developer tools (persisted through k.run under a read-only operation name).
 */
import type { DemoSealView, PlayOthersResult, SigningDevTools } from '@/services/types'
import { DEMO_PEOPLE } from '../core/demoData'
import { hashId } from '../core/hash'
import { invalid } from '../core/input'
import type { SigningRunnerContext, signingRunner } from './runner'
import { DEMO_SEALS, demoPersonByName, demoSeal } from './signingDemo'

export type SigningDevContext = SigningRunnerContext & ReturnType<typeof signingRunner>

export function signingDev(c: SigningDevContext): Pick<SigningDevTools, 'playOthers' | 'setAutoPlayOthers' | 'authoriseSeal' | 'listDemoSeals'> {
  const { mark, slice, flowById, statusOf, waitingFor, flowRec, fillFor, applyDue, demoSealView, run } = c
  return {
    playOthers(flowId, opts = {}) {
      return run('getSigningStatus', ({ t }): PlayOthersResult => {
        const flow = flowById(flowId)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const except = new Set(opts.except ?? [])
        const signed: string[] = []
        const skipped: { signerId: string; reason: string }[] = []
        const pending = flow.signers.filter((s) => s.status === 'PENDING').sort((a, b) => a.order - b.order)
        for (const s of pending) {
          const status = statusOf(flow, t)
          if (status !== 'SIGNING') {
            skipped.push({ signerId: s.signerId, reason: '合同不在签署中' })
            continue
          }
          if (flow.hosted) {
            skipped.push({ signerId: s.signerId, reason: '主持人发起的会中签约由签署人本人签署，沙箱不代签' })
            continue
          }
          if (except.has(s.signerId) || s.joinedBy !== null) {
            skipped.push({ signerId: s.signerId, reason: '该签署人由真人操作，沙箱不代签' })
            continue
          }
          if (waitingFor(flow, s).length) {
            skipped.push({ signerId: s.signerId, reason: '需等待前序签署人签署' })
            continue
          }
          const problem = fillFor(flow, rec, s, t, 'FACE')
          if (problem) skipped.push({ signerId: s.signerId, reason: problem })
          else signed.push(s.signerId)
        }
        return { signed, skipped, flowStatus: statusOf(flow, t) }
      })
    },

    setAutoPlayOthers(on) {
      return run('getSigningStatus', (): { autoPlay: boolean } => {
        const s = slice()
        s.autoPlay = !!on
        if (!on) for (const rec of Object.values(s.flows)) rec.schedule = []
        mark()
        return { autoPlay: s.autoPlay }
      })
    },

    authoriseSeal(input) {
      return run('listMySeals', (): DemoSealView => {
        const seal = demoSeal(input?.sealId)
        if (!seal) throw invalid('sealId', '印章不存在')
        const person = demoPersonByName(input?.personName)
        if (!person) throw invalid('personName', '演示人员不存在')
        const s = slice()
        const idHash = hashId(DEMO_PEOPLE[person].idNumber)
        const list = s.grants[seal.sealId] ?? []
        if (!list.includes(idHash)) s.grants[seal.sealId] = [...list, idHash]
        mark()
        return demoSealView(seal)
      })
    },

    listDemoSeals() {
      return DEMO_SEALS.map(demoSealView)
    }
  }
}
