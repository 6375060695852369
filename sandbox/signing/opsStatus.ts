/**
 * Signing operations: declining, status, the audit trail, verifying a document hash.
 */
import { base64Decode } from '@/domain/contract/base64'
import { charLength } from '@/domain/contract/fields'
import { maskName } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type { AuditTrail, DeclineResult, DocumentVerification, SigningOperations, SigningStatus } from '@/services/types'
import { sha256 } from '@noble/hashes/sha256'
import { inputObject, invalid } from '../core/input'
import { SIGNING_RULES, type StoredValue, contractOf, documentHash, hex } from './model'
import type { SigningRunnerContext, signingRunner } from './runner'

export type StatusOpsContext = SigningRunnerContext & ReturnType<typeof signingRunner>

export function statusOps(c: StatusOpsContext): Pick<SigningOperations, 'declineSigning' | 'getSigningStatus' | 'getAuditTrail' | 'verifyDocument'> {
  const { k, mark, slice, nextSeq, access, statusOf, assertCanAct, flowRec, applyDue, auditEvents, run } = c
  return {
    declineSigning(input) {
      return run('declineSigning', ({ t }): DeclineResult => {
        const o = inputObject(input)
        if (o.signerId === undefined) throw invalid('signerId', '缺少签署人编号')
        const reason = typeof o.reason === 'string' ? o.reason.trim() : ''
        const n = charLength(reason)
        if (n < SIGNING_RULES.DECLINE_REASON_MIN || n > SIGNING_RULES.DECLINE_REASON_MAX) {
          throw new ServiceError('INVALID_INPUT', `请填写拒签原因（${SIGNING_RULES.DECLINE_REASON_MIN}至${SIGNING_RULES.DECLINE_REASON_MAX}个字）`, {
            field: 'reason',
            min: SIGNING_RULES.DECLINE_REASON_MIN,
            max: SIGNING_RULES.DECLINE_REASON_MAX
          })
        }
        const { flow, signer } = access(o, t, 'signerId')
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        if (!c.options.allowDecline) throw new ServiceError('DECLINE_NOT_ALLOWED', '本合同不允许拒签，如有疑问请联系发起方')
        assertCanAct(flow, signer, t, { ignoreTurn: true })
        signer.status = 'DECLINED'
        signer.signedAt = t
        flow.closedReason = reason
        rec.schedule = []
        rec.events.push({ seq: nextSeq(), at: t, action: 'DECLINED', signerId: signer.signerId })
        mark()
        return { flowId: flow.flowId, signerId: signer.signerId, declinedAt: t, flowStatus: 'DECLINED', reason }
      })
    },

    getSigningStatus(input) {
      return run('getSigningStatus', ({ t }): SigningStatus => {
        const o = inputObject(input)
        const { flow, signer } = access(o, t)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const sum = k.summary(flow, t)
        return {
          flowId: flow.flowId,
          status: sum.status,
          revision: rec.revision,
          documentHash: rec.currentHash,
          signers: sum.signers,
          mySignerId: signer.signerId,
          nextAutoSignAt: rec.schedule.length ? Math.min(...rec.schedule.map((x) => x.at)) : null
        }
      })
    },

    getAuditTrail(input) {
      return run('getAuditTrail', ({ t }): AuditTrail => {
        const o = inputObject(input)
        const { flow } = access(o, t)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        return {
          flowId: flow.flowId,
          title: flow.title,
          status: statusOf(flow, t),
          algorithm: 'SHA-256',
          originalHash: rec.originalHash,
          currentHash: rec.currentHash,
          events: auditEvents(flow, rec, t)
        }
      })
    },

    verifyDocument(input) {
      return run('verifyDocument', ({ t }): DocumentVerification => {
        const o = inputObject(input)
        const { flow } = access(o, t)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        const problems: string[] = []
        const computed = documentHash(c, rec.values)
        const original = documentHash(c, {})
        if (original !== rec.originalHash) problems.push('合同原文与发起时记录的摘要不一致')
        // Replay the signatures: after each one, the values committed so far must give the hash
        // recorded with it (so a later signature cannot launder an earlier change).
        const signed = rec.events.filter((e) => e.action === 'SIGNED').sort((a, b) => a.seq - b.seq)
        const upTo: Record<string, StoredValue> = {}
        let chainOk = true
        for (const e of signed) {
          for (const [id, v] of Object.entries(rec.values)) if (v.by === e.signerId) upTo[id] = v
          if (chainOk && documentHash(c, upTo) !== e.hash) {
            chainOk = false
            const s = flow.signers.find((x) => x.signerId === e.signerId)
            problems.push(`${s ? maskName(s.name) : e.signerId}签署时记录的摘要与当前合同内容不一致，文件可能已被篡改`)
          }
        }
        if (Object.values(rec.values).some((v) => !signed.some((e) => e.signerId === v.by))) {
          problems.push('合同中存在没有签署记录的内容')
        }
        if (computed !== rec.currentHash) problems.push('合同内容与最近一次签署记录的摘要不一致，文件可能已被篡改')
        const images = slice().images
        for (const [fieldId, v] of Object.entries(rec.values)) {
          if (!v.img || !images[v.img]) continue
          const bytes = base64Decode(images[v.img].b64)
          if (!bytes || hex(sha256(bytes)) !== v.img)
            problems.push(`签署区“${c.fields.find((f) => f.fieldId === fieldId)?.label ?? fieldId}”的签名影像与记录不一致`)
        }
        return {
          flowId: flow.flowId,
          algorithm: 'SHA-256',
          match: problems.length === 0,
          recordedHash: rec.currentHash,
          computedHash: computed,
          originalHashMatch: original === rec.originalHash,
          checkedAt: t,
          problems
        }
      })
    }
  }
}
