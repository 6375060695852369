/**
 * The org module's developer tool: a contract for an activated enterprise
 * (the signing module's generic contract: a seal and a date for the enterprise signer) with a
 * member as the signer, to seal with the enterprise's own seals. Nobody signs it by themselves.
 */
import { encodePayload, entryLink, ID_ALPHABET } from '@/domain/entryLink'
import { randomString } from '@/domain/random'
import type { DevOrgContract, OrgDevTools } from '@/services/types'
import { DEMO_ENTERPRISES } from '../core/demoData'
import { newLinkToken, type FlowRecord } from '../core/state'
import type { OrgOpsContext } from './ops'

const DAY = 24 * 60 * 60 * 1000

/** The demo enterprise that sends these contracts. */
const INITIATOR = DEMO_ENTERPRISES.XINGHE.name

export function orgDev(c: OrgOpsContext): OrgDevTools {
  const { k, sync, orgOf, requireMember } = c
  return {
    createOrgContract(input) {
      return k.run('getOrg', ({ t, touch }): DevOrgContract => {
        if (sync(t)) touch()
        const org = orgOf(String(input?.creditCode))
        const m = requireMember(org, input)
        const state = k.state()
        let flowId = ''
        do flowId = randomString(k.rng(), 8, ID_ALPHABET)
        while (state.flows[flowId])
        const title = '技术服务合同'
        const flow: FlowRecord = {
          flowId,
          title,
          kind: 'STRATEGIC',
          initiator: { partyType: 'ENTERPRISE', name: INITIATOR },
          meetingName: null,
          createdAt: t,
          deadline: t + 7 * DAY,
          cancelledAt: null,
          closedReason: null,
          pageCount: 3,
          parties: [
            { partyType: 'ENTERPRISE', name: INITIATOR },
            { partyType: 'ENTERPRISE', name: org.name }
          ],
          signers: [
            {
              signerId: `${flowId}-1`,
              order: 1,
              partyType: 'ENTERPRISE',
              enterpriseName: org.name,
              enterpriseCreditCode: org.creditCode,
              name: m.name,
              idHash: m.idHash,
              mobileHash: m.mobileHash,
              maskedMobile: m.maskedMobile,
              roleLabel: '乙方经办人',
              status: 'PENDING',
              signedAt: null,
              joinedBy: null,
              joinedAt: null
            }
          ]
        }
        state.flows[flowId] = flow
        const token = newLinkToken(state, k.rng())
        state.links[token] = { token, flowId, expiresAt: flow.deadline, createdAt: t }
        touch()
        const payload = encodePayload({ type: 'S', id: flowId, token, expiresAt: flow.deadline })
        return { flowId, title, link: entryLink(k.link.host, payload, k.link.scheme), payload }
      })
    }
  }
}
