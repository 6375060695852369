/**
 * Signing operations: the contract, its pages, the caller's seals, starting an intent confirmation.
 */
import { randomString } from '@/domain/random'
import { sealDataUrl } from '@/domain/seal/svg'
import { ServiceError } from '@/services/errors'
import type {
  ContractPages,
  ContractView,
  FaceCapture,
  IntentChallenge,
  IntentMethod,
  MySeals,
  PageImage,
  SealInfo,
  SigningOperations,
  SmsTicket
} from '@/services/types'
import { SEAL_TYPE_LABELS } from '@/services/types.signing'
import { inputObject, invalid } from '../core/input'
import { bytesToBase64 } from '@/domain/base64'
import { pageDataUrl, renderPageSvg, type RenderValue } from './contractRender'
import { FACE_ACTIONS } from '../core/model'
import { METHODS, SIGNING_RULES, contractOf, requireInt } from './model'
import type { SigningRunnerContext, signingRunner } from './runner'

export type ContractOpsContext = SigningRunnerContext & ReturnType<typeof signingRunner>

export function contractOps(c: ContractOpsContext): Pick<SigningOperations, 'getContract' | 'getContractPages' | 'listMySeals' | 'startIntent'> {
  const {
    k,
    mark,
    slice,
    nextSeq,
    access,
    statusOf,
    assertCanAct,
    flowRec,
    sealsFor,
    sealTypesLabel,
    renderValue,
    applyDue,
    startReading,
    assertRead,
    contractView,
    sendIntentSms,
    passwordLockedError,
    run
  } = c
  return {
    getContract(input) {
      return run('getContract', ({ t }): ContractView => {
        const o = inputObject(input)
        const { session, flow, signer } = access(o, t)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        if (rec.viewed[signer.signerId] === undefined) {
          rec.viewed[signer.signerId] = t
          rec.events.push({ seq: nextSeq(), at: t, action: 'VIEWED', signerId: signer.signerId })
          mark()
        }
        if (statusOf(flow, t) === 'SIGNING') startReading(rec, signer, t)
        return contractView(flow, rec, signer, session, t)
      })
    },

    getContractPages(input) {
      return run('getContractPages', ({ t }): ContractPages => {
        const o = inputObject(input)
        const { flow, signer } = access(o, t)
        const from = requireInt(o, 'from', 0, flow.pageCount - 1, `起始页须在0至${flow.pageCount - 1}之间`)
        const count = requireInt(o, 'count', 1, SIGNING_RULES.PAGES_MAX_PER_REQUEST, `每次最多获取${SIGNING_RULES.PAGES_MAX_PER_REQUEST}页`)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        const end = Math.min(flow.pageCount, from + count)
        if (statusOf(flow, t) === 'SIGNING') startReading(rec, signer, t)
        const reading = rec.reading[signer.signerId]
        if (end === flow.pageCount && reading && !reading.lastPageSeen) {
          reading.lastPageSeen = true
          mark()
        }
        const values = new Map<string, RenderValue>()
        for (const [id, v] of Object.entries(rec.values)) values.set(id, renderValue(v, id))
        const pages: PageImage[] = []
        // hosted contracts: the page images the host uploaded (blobs)
        const imageOf = (hash: string) => {
          const bytes = k.blobs.get(hash)
          return bytes ? bytesToBase64(bytes) : null
        }
        for (let i = from; i < end; i++) {
          const p = c.pages[i]
          pages.push({ index: i, width: p.width, height: p.height, src: pageDataUrl(renderPageSvg(p, flow.pageCount, c.fields, values, imageOf)) })
        }
        return { flowId: flow.flowId, revision: rec.revision, pageCount: flow.pageCount, pages }
      })
    },

    listMySeals(input) {
      return run('listMySeals', ({ t }): MySeals => {
        const o = inputObject(input)
        if (o.signerId === undefined) throw invalid('signerId', '缺少签署人编号')
        const { session, flow, signer } = access(o, t, 'signerId')
        const c = contractOf(flow)
        const sealFields = c.fields.filter((f) => f.signerId === signer.signerId && (f.type === 'SIGN_SEAL' || f.type === 'SIGN_PAGING_SEAL'))
        const seals: SealInfo[] = sealsFor(signer, session.idHash).map((s) => {
          const spec = s.spec
          return {
            sealId: s.sealId,
            sealType: s.sealType,
            typeLabel: SEAL_TYPE_LABELS[s.sealType],
            enterpriseName: s.enterpriseName,
            spec,
            image: sealDataUrl(spec, 160),
            acceptedBy: sealFields.filter((f) => (f.acceptedSealTypes ?? []).includes(s.sealType)).map((f) => f.fieldId)
          }
        })
        const unfillable = sealFields.filter((f) => !seals.some((s) => s.acceptedBy.includes(f.fieldId)))
        const missing = unfillable.length ? (unfillable[0].acceptedSealTypes ?? []) : []
        return {
          signerId: signer.signerId,
          enterpriseName: signer.enterpriseName,
          seals,
          fields: sealFields.map((f) => ({
            fieldId: f.fieldId,
            type: f.type as 'SIGN_SEAL' | 'SIGN_PAGING_SEAL',
            label: f.label,
            acceptedSealTypes: f.acceptedSealTypes ?? []
          })),
          unfillable: unfillable.map((f) => f.fieldId),
          hint: unfillable.length
            ? `您暂无可用于本合同的印章，请联系企业管理员为您授权${sealTypesLabel(missing.filter((x) => x !== 'OFFICIAL').length ? missing.filter((x) => x !== 'OFFICIAL') : missing)}`
            : null
        }
      })
    },

    startIntent(input) {
      return run('startIntent', ({ t }): IntentChallenge => {
        const o = inputObject(input)
        const method = o.method as IntentMethod
        if (!METHODS.includes(method)) throw invalid('method', '意愿认证方式不正确')
        const { session, flow, signer } = access(o, t, 'signerId')
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        if (!c.options.intentMethods.includes(method)) {
          throw new ServiceError('INTENT_METHOD_NOT_ALLOWED', '本合同不支持该意愿认证方式，请选择其他方式', { allowed: c.options.intentMethods })
        }
        assertCanAct(flow, signer, t)
        assertRead(c, rec, signer, t)
        const s = slice()
        let sms: SmsTicket | null = null
        let faceAction: FaceCapture['action'] | null = null
        let passwordSet: boolean | null = null
        let remainingTries: number = SIGNING_RULES.FACE_MAX_FAILURES
        if (method === 'SMS') {
          sms = sendIntentSms(session, flow.title, t)
          remainingTries = 5 - (k.state().sms[`${session.mobileHash}:INTENT`]?.wrongCount ?? 0)
        } else if (method === 'FACE') {
          faceAction = FACE_ACTIONS[Math.floor(k.rng().next() * FACE_ACTIONS.length)]
        } else {
          const pw = s.passwords[session.idHash]
          passwordSet = !!pw
          if (pw && pw.lockedUntil !== null && t < pw.lockedUntil) throw passwordLockedError(pw.lockedUntil, t)
          remainingTries = SIGNING_RULES.PASSWORD_MAX_WRONG - (pw && (pw.lockedUntil === null || t < pw.lockedUntil) ? pw.wrong : 0)
        }
        const id = `ic_${randomString(k.rng(), 20)}`
        const expiresAt = method === 'SMS' && sms ? sms.expiresAt : t + SIGNING_RULES.INTENT_CHALLENGE_TTL_MS
        s.challenges[id] = {
          id,
          idHash: session.idHash,
          flowId: flow.flowId,
          signerId: signer.signerId,
          method,
          createdAt: t,
          expiresAt,
          faceAction,
          failures: 0,
          usedAt: null
        }
        mark()
        return { challengeId: id, method, expiresAt, sms, faceAction, passwordSet, remainingTries }
      })
    }
  }
}
