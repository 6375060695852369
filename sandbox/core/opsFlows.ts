/**
 * Core operations: joining a flow, a flow, my flows, the meeting board.
 */
import { encodePayload, entryLink } from '@/domain/entryLink'
import { ServiceError } from '@/services/errors'
import { bytesToBase64 } from '@/domain/base64'
import type { CoreOperations, FlowOverview, MeetingBoard, MeetingFlowView, MyFlowSummary } from '@/services/types'
import type { coreChecks, CoreChecksContext } from './checks'
import { inputObject, requireString } from './input'
import { isOrgMember } from '../org/members'
import { employeeHashes, intendedFor, requireFlowId, requireLinkToken, summary } from './model'

export type FlowOpsContext = CoreChecksContext & ReturnType<typeof coreChecks>

export function flowOps(c: FlowOpsContext): Pick<CoreOperations, 'joinFlow' | 'getFlow' | 'listMyFlows' | 'getMeetingBoard'> {
  const { db, blobs, run, requireSession, requireLink, overview, scheme, host } = c
  return {
    joinFlow(input) {
      return run('joinFlow', ({ t, touch }): FlowOverview => {
        const o = inputObject(input)
        const flowId = requireFlowId(o)
        const token = requireLinkToken(o)
        const session = requireSession(o, t)
        const { flow } = requireLink(flowId, token, t)

        const matches = flow.signers.filter(
          (s) =>
            s.name === session.name &&
            s.idHash === session.idHash &&
            s.mobileHash === session.mobileHash &&
            (s.partyType === 'PERSON' ||
              employeeHashes(s.enterpriseCreditCode).has(session.idHash) ||
              isOrgMember(db.state, s.enterpriseCreditCode, session.idHash))
        )
        if (matches.length === 0) {
          const intended = intendedFor(flow)
          const message = intended.length ? `您不是本合同的签署人。本合同的待签署人为：${intended.join('、')}` : '您不是本合同的签署人，无法查看本合同'
          throw new ServiceError('NOT_DESIGNATED_SIGNER', message, { intendedFor: intended, flowId })
        }
        // Already joined as one of them? Else the first not yet taken (pending first).
        const signer =
          matches.find((s) => s.joinedBy === session.idHash) ??
          matches.find((s) => s.joinedBy === null && s.status === 'PENDING') ??
          matches.find((s) => s.joinedBy === null) ??
          matches[0]
        if (signer.joinedBy === null) {
          signer.joinedBy = session.idHash
          signer.joinedAt = t
          touch()
        }
        return overview(flow, signer, t)
      })
    },

    getFlow(input) {
      return run('getFlow', ({ t }): FlowOverview => {
        const o = inputObject(input)
        const flowId = requireFlowId(o)
        const session = requireSession(o, t)
        const flow = db.state.flows[flowId]
        if (!flow) throw new ServiceError('FLOW_NOT_FOUND', '合同不存在或已被发起方删除', { flowId })
        const signer = flow.signers.find((s) => s.joinedBy === session.idHash)
        if (!signer) {
          throw new ServiceError('FORBIDDEN', '您无权查看该合同。如您是签署人，请通过发起方分享的签署码进入', { flowId })
        }
        return overview(flow, signer, t)
      })
    },

    listMyFlows(input) {
      return run('listMyFlows', ({ t }): MyFlowSummary[] => {
        const o = inputObject(input)
        const session = requireSession(o, t)
        return Object.values(db.state.flows)
          .filter((f) => f.signers.some((s) => s.joinedBy === session.idHash))
          .sort((a, b) => b.createdAt - a.createdAt || (a.flowId < b.flowId ? -1 : 1))
          .map((f) => ({ ...summary(f, t), mySignerIds: f.signers.filter((s) => s.joinedBy === session.idHash).map((s) => s.signerId) }))
      })
    },

    getMeetingBoard(input) {
      return run('getMeetingBoard', ({ t }): MeetingBoard => {
        const o = inputObject(input)
        const meetingId = requireString(o, 'meetingId', '缺少签约会议编号')
        const boardKey = requireString(o, 'boardKey', '缺少签约会议大屏凭证')
        const m = db.state.meetings[meetingId]
        if (!m) throw new ServiceError('MEETING_NOT_FOUND', '签约会议不存在或已结束', { meetingId })
        if (m.boardKey !== boardKey) {
          throw new ServiceError('FORBIDDEN', '大屏凭证无效，请使用发起方提供的会议大屏链接', { meetingId })
        }
        const flows = m.flowIds.flatMap((flowId): MeetingFlowView[] => {
          const f = db.state.flows[flowId]
          const link = db.state.links[m.linkTokens[flowId]]
          if (!f || !link) return []
          const s = summary(f, t)
          const payload = encodePayload({ type: 'S', id: flowId, token: link.token, expiresAt: link.expiresAt })
          return [
            {
              flowId,
              title: s.title,
              status: s.status,
              signLink: entryLink(host, payload, scheme),
              signers: s.signers,
              signedCount: s.signers.filter((x) => x.status === 'SIGNED').length
            }
          ]
        })
        const allSigned = flows.length > 0 && flows.every((f) => f.signers.every((x) => x.status === 'SIGNED'))
        const board: MeetingBoard = { meetingId, name: m.name, flows, allSigned, at: t }
        if (m.hosted) {
          const image = (x: { hash: string; mime: string } | null) => {
            const bytes = x ? blobs.get(x.hash) : null
            return x && bytes ? `data:${x.mime};base64,${bytesToBase64(bytes)}` : null
          }
          board.layout = { title: m.hosted.title, logo: image(m.hosted.logo), background: image(m.hosted.background) }
        }
        return board
      })
    }
  }
}
