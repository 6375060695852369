/**
 * Signing module context: people, flows and access (who may act on which signer entry, and when).
 */
import { maskName } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type { FlowStatus, SigningBlockReason } from '@/services/types'
import { DEMO_PEOPLE, DEMO_PERSON_KEYS } from '../core/demoData'
import { hashId } from '../core/hash'
import { invalid, requireString } from '../core/input'
import type { FlowRecord, SessionRecord, SignerRecord } from '../core/state'
import type { SigningStateContext, signingState } from './state'
import { beijing } from '../core/beijing'

export type SigningAccessContext = SigningStateContext & ReturnType<typeof signingState>

export function signingAccess(c: SigningAccessContext) {
  const { k } = c
  // ---- people, flows, access

  const faceFailHashes = new Set(DEMO_PERSON_KEYS.filter((p) => DEMO_PEOPLE[p].faceFails).map((p) => hashId(DEMO_PEOPLE[p].idNumber)))

  function flowById(flowId: string): FlowRecord {
    const flow = k.state().flows[flowId]
    if (!flow) throw new ServiceError('FLOW_NOT_FOUND', '合同不存在或已被发起方删除', { flowId })
    return flow
  }

  function requireFlowId(o: Record<string, unknown>): string {
    return requireString(o, 'flowId', '缺少合同编号')
  }

  /** The session, the flow, and the caller's signer entry (`signerId` if given, else theirs). */
  function access(
    o: Record<string, unknown>,
    t: number,
    signerField: 'signerId' | null = null
  ): { session: SessionRecord; flow: FlowRecord; signer: SignerRecord } {
    const session = k.requireSession(o, t)
    const flow = flowById(requireFlowId(o))
    const mine = flow.signers.filter((s) => s.joinedBy === session.idHash)
    if (!mine.length) {
      throw new ServiceError('FORBIDDEN', '您无权查看该合同。如您是签署人，请通过发起方分享的签署码进入', { flowId: flow.flowId })
    }
    let signer: SignerRecord | undefined
    const wanted = signerField ? o[signerField] : undefined
    if (wanted !== undefined) {
      if (typeof wanted !== 'string' || !wanted) throw invalid(signerField as string, '缺少签署人编号')
      signer = mine.find((s) => s.signerId === wanted)
      if (!signer) throw new ServiceError('FORBIDDEN', '您不能代替其他签署人操作', { signerId: wanted })
    } else {
      signer = mine.find((s) => s.status === 'PENDING') ?? mine[0]
    }
    return { session, flow, signer }
  }

  function statusOf(flow: FlowRecord, t: number): FlowStatus {
    return k.summary(flow, t).status
  }

  /** Earlier-order signers still to sign (ordered flows). */
  function waitingFor(flow: FlowRecord, signer: SignerRecord): SignerRecord[] {
    return flow.signers.filter((s) => s.order < signer.order && s.status !== 'SIGNED')
  }

  function block(flow: FlowRecord, signer: SignerRecord, t: number): { reason: SigningBlockReason; message: string } | null {
    const status = statusOf(flow, t)
    if (signer.status === 'DECLINED') return { reason: 'ALREADY_DECLINED', message: '您已拒签该合同，仅可查看' }
    if (status === 'COMPLETED') return { reason: 'FLOW_COMPLETED', message: '合同已签署完成，仅可查看' }
    if (status === 'CANCELLED') return { reason: 'FLOW_CANCELLED', message: '合同已被发起方撤销，仅可查看' }
    if (status === 'DECLINED') return { reason: 'FLOW_DECLINED', message: '合同已被其他签署方拒签，仅可查看' }
    if (status === 'EXPIRED') return { reason: 'FLOW_EXPIRED', message: '合同已过签署截止时间，仅可查看' }
    if (signer.status === 'SIGNED') return { reason: 'ALREADY_SIGNED', message: '您已签署该合同，请等待其他签署方签署' }
    const startsAt = flow.hosted?.startsAt
    if (startsAt !== undefined && t < startsAt) return { reason: 'MEETING_NOT_STARTED', message: `签约会议将于${beijing(startsAt)}开始，届时即可签署` }
    const waiting = waitingFor(flow, signer)
    if (waiting.length) {
      return { reason: 'NOT_YOUR_TURN', message: `本合同需按顺序签署，请等待${waiting.map((s) => maskName(s.name)).join('、')}签署后再签署` }
    }
    return null
  }

  /** Throws unless the signer may act now. */
  function assertCanAct(flow: FlowRecord, signer: SignerRecord, t: number, opts: { ignoreTurn?: boolean } = {}): void {
    const b = block(flow, signer, t)
    // ignoreTurn (decline): one may decline out of turn, and before a meeting starts
    if (!b || (opts.ignoreTurn && (b.reason === 'NOT_YOUR_TURN' || b.reason === 'MEETING_NOT_STARTED'))) return
    const details: Record<string, unknown> = { flowId: flow.flowId, status: statusOf(flow, t) }
    switch (b.reason) {
      case 'ALREADY_SIGNED':
        throw new ServiceError('ALREADY_SIGNED', '您已签署该合同，无需重复签署', { ...details, signedAt: signer.signedAt })
      case 'ALREADY_DECLINED':
      case 'FLOW_DECLINED':
        throw new ServiceError('FLOW_DECLINED', signer.status === 'DECLINED' ? '您已拒签该合同' : '合同已被其他签署方拒签，无法继续签署', details)
      case 'FLOW_COMPLETED':
        throw signer.status === 'SIGNED'
          ? new ServiceError('ALREADY_SIGNED', '您已签署该合同，无需重复签署', { ...details, signedAt: signer.signedAt })
          : new ServiceError('FLOW_COMPLETED', '合同已签署完成', details)
      case 'FLOW_CANCELLED':
        throw new ServiceError('FLOW_CANCELLED', '合同已被发起方撤销，无法签署', { ...details, reason: flow.closedReason })
      case 'FLOW_EXPIRED':
        throw new ServiceError('FLOW_EXPIRED', '合同已过签署截止时间，无法签署', { ...details, deadline: flow.deadline })
      case 'MEETING_NOT_STARTED':
        throw new ServiceError('MEETING_NOT_STARTED', b.message, { ...details, startsAt: flow.hosted?.startsAt })
      case 'NOT_YOUR_TURN':
        throw new ServiceError('NOT_YOUR_TURN', b.message, {
          ...details,
          waitingFor: waitingFor(flow, signer).map((s) => maskName(s.name))
        })
    }
  }

  return { faceFailHashes, flowById, requireFlowId, access, statusOf, waitingFor, block, assertCanAct }
}
