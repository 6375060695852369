/**
 * The host's operations: create a meeting from an uploaded PDF (checked twice: the request,
 * then the PDF opened with pdf-lib), read and list the host's meetings, cancel one.
 */
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import { encodePayload, entryLink, ID_ALPHABET } from '@/domain/entryLink'
import { maskName, maskMobile, validatePersonName } from '@/domain/identity'
import { checkPageCount } from '@/domain/meeting/setup'
import { randomString } from '@/domain/random'
import { loadPdfEngine, type PdfEngine } from '@/platform/pdfEngine'
import { ServiceError } from '@/services/errors'
import type { HostedMeeting, HostedMeetingStatus, HostOperations } from '@/services/types'
import type { SandboxKernel } from '../core/kernel'
import { inputObject, invalid, requireString } from '../core/input'
import { flowStatus } from '../core/model'
import { hashId, hashMobile } from '../core/hash'
import { newLinkToken, type FlowRecord, type MeetingRecord, type PartyRecord, type SignerRecord } from '../core/state'
import { checkSetup, type CheckedSetup } from './check'
import { beijing } from '../core/beijing'

const hashOf = (b: Uint8Array) => bytesToHex(sha256(b))

/** The engine, loaded once; a failed load is tried again next time. */
let engineLoad: Promise<PdfEngine> | null = null
function engine(): Promise<PdfEngine> {
  engineLoad ??= loadPdfEngine().catch((e) => {
    engineLoad = null
    throw e
  })
  return engineLoad
}

function setupError(message: string, path: string, extra: Record<string, unknown> = {}): ServiceError {
  return new ServiceError('MEETING_SETUP_INVALID', message, { errors: { [path]: message }, ...extra })
}

/** Opens the PDF and checks it against the pages the console rendered from it. */
async function checkPdf(setup: CheckedSetup): Promise<void> {
  let pdf: PdfEngine
  try {
    pdf = await engine()
  } catch {
    throw new ServiceError('SERVICE_UNAVAILABLE', '暂时无法检查合同文件，请稍后重试')
  }
  let info: Awaited<ReturnType<PdfEngine['inspectPdf']>>
  try {
    info = await pdf.inspectPdf(setup.pdf)
  } catch (e) {
    const problem = (e as { problem?: string })?.problem
    if (problem === 'ENCRYPTED') throw new ServiceError('FILE_DAMAGED', 'PDF 已加密或设有打开密码，请上传未加密的 PDF', { field: 'document.pdfBase64' })
    throw new ServiceError('FILE_DAMAGED', 'PDF 文件已损坏，无法打开，请重新导出后上传', { field: 'document.pdfBase64' })
  }
  const count = checkPageCount(info.pageCount)
  if (count) throw setupError(count, 'document', { pageCount: info.pageCount })
  if (info.pageCount !== setup.pages.length) {
    throw setupError(`页面图片（${setup.pages.length} 页）与 PDF 页数（${info.pageCount} 页）不一致，请重新上传 PDF`, 'document.pages', {
      pageCount: info.pageCount
    })
  }
  // Sizes are unrotated (a page with /Rotate is rendered, placed on and stamped unrotated alike)
  info.pages.forEach((p, i) => {
    const sent = setup.pages[i]
    const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1, b * 0.01)
    if (!close(sent.widthPt, p.width) || !close(sent.heightPt, p.height)) {
      throw setupError(`第 ${i + 1} 页的尺寸与 PDF 不一致，请重新上传 PDF`, `document.pages.${i}`, { page: i, widthPt: p.width, heightPt: p.height })
    }
  })
}

export function hostOps(k: SandboxKernel): HostOperations {
  const { scheme, host } = k.link

  function view(m: MeetingRecord, t: number): HostedMeeting {
    const h = m.hosted!
    const flowId = m.flowIds[0]
    const flow = k.state().flows[flowId]
    const link = k.state().links[m.linkTokens[flowId]]
    const fs = flowStatus(flow, t)
    const status: HostedMeetingStatus = fs === 'SIGNING' && t < h.startsAt ? 'SCHEDULED' : fs
    const payload = encodePayload({ type: 'S', id: flowId, token: link.token, expiresAt: link.expiresAt })
    return {
      meetingId: m.meetingId,
      name: m.name,
      startsAt: h.startsAt,
      endsAt: h.endsAt,
      status,
      flowId,
      boardKey: m.boardKey,
      screenLink: `${scheme}://${host}/#/packages/meeting/pages/screen/index?m=${m.meetingId}&k=${m.boardKey}`,
      signLink: entryLink(host, payload, scheme),
      payload,
      invites: h.invites.map((x) => ({ ...x })),
      warnings: h.warnings.slice(),
      pageCount: flow.pageCount,
      fileName: flow.hosted?.fileName ?? '',
      createdAt: h.createdAt,
      cancelledAt: h.cancelledAt
    }
  }

  function mine(o: Record<string, unknown>, t: number): MeetingRecord {
    const session = k.requireSession(o, t)
    const meetingId = requireString(o, 'meetingId', '缺少签约会议编号')
    const m = k.state().meetings[meetingId]
    if (!m || !m.hosted) throw new ServiceError('MEETING_NOT_FOUND', '签约会议不存在或已结束', { meetingId })
    if (m.hosted.hostIdHash !== session.idHash) throw new ServiceError('FORBIDDEN', '您不是该会议的主持人', { meetingId })
    return m
  }

  function unique(taken: (id: string) => boolean, make: () => string): string {
    for (;;) {
      const id = make()
      if (!taken(id)) return id
    }
  }

  return {
    async createHostedMeeting(input) {
      let setup: CheckedSetup | null = null
      // 1. the request: the host's session, the meeting rules, the files by their bytes
      await k.run('createHostedMeeting', ({ t }) => {
        const o = inputObject(input)
        k.requireSession(o, t)
        setup = checkSetup(o, t)
        return null
      })
      const s = setup as unknown as CheckedSetup
      // 2. the PDF, opened
      await checkPdf(s)
      // 3. the meeting, its flow and link, the invites
      return k.run('createHostedMeeting', ({ t, touch }): HostedMeeting => {
        const session = k.requireSession(inputObject(input), t)
        const state = k.state()
        const rng = k.rng()
        const pdfHash = hashOf(s.pdf)
        k.blobs.put(pdfHash, s.pdf)
        const pages = s.pages.map((p) => {
          const img = hashOf(p.bytes)
          k.blobs.put(img, p.bytes)
          return { w: p.widthPt, h: p.heightPt, img, mime: p.mime }
        })
        const blob = (x: { bytes: Uint8Array; mime: string } | null) => {
          if (!x) return null
          const hash = hashOf(x.bytes)
          k.blobs.put(hash, x.bytes)
          return { hash, mime: x.mime }
        }
        const flowId = unique(
          (id) => !!state.flows[id],
          () => randomString(rng, 8, ID_ALPHABET)
        )
        const meetingId = unique(
          (id) => !!state.meetings[id],
          () => `MT${randomString(rng, 6).toUpperCase()}`
        )
        const d = s.draft
        const parties: PartyRecord[] = [{ partyType: 'PERSON', name: session.name }]
        const addParty = (p: PartyRecord) => {
          if (!parties.some((x) => x.partyType === p.partyType && x.name === p.name)) parties.push(p)
        }
        const signers: SignerRecord[] = d.signers.map((x, i) => {
          const name = validatePersonName(x.name)
          const company = x.kind === 'ENTERPRISE' ? (x.company ?? '') : null
          addParty(company ? { partyType: 'ENTERPRISE', name: company } : { partyType: 'PERSON', name: x.name })
          return {
            signerId: `${flowId}-${i + 1}`,
            order: x.order,
            partyType: x.kind,
            enterpriseName: company,
            enterpriseCreditCode: x.kind === 'ENTERPRISE' ? (x.creditCode ?? null) : null,
            name: name.ok ? name.value : x.name,
            idHash: hashId(x.idNumber),
            mobileHash: hashMobile(x.mobile),
            maskedMobile: maskMobile(x.mobile),
            roleLabel: x.role,
            status: 'PENDING',
            signedAt: null,
            joinedBy: null,
            joinedAt: null
          }
        })
        const signerIndex = new Map(d.signers.map((x, i) => [x.key, i]))
        const title = d.document.fileName.replace(/\.pdf$/i, '').trim() || d.name
        const flow: FlowRecord = {
          flowId,
          title,
          kind: 'STRATEGIC',
          initiator: { partyType: 'PERSON', name: session.name },
          meetingName: d.name,
          createdAt: t,
          deadline: d.endsAt,
          cancelledAt: null,
          closedReason: null,
          pageCount: pages.length,
          parties,
          signers,
          hosted: {
            meetingId,
            fileName: d.document.fileName,
            pdf: pdfHash,
            startsAt: d.startsAt,
            pages,
            fields: s.fields.map((f) => ({
              signer: signerIndex.get(f.signerKey) as number,
              type: f.type,
              page: f.page,
              x: f.x,
              y: f.y,
              w: f.w,
              h: f.h,
              required: f.required,
              label: f.label
            }))
          }
        }
        state.flows[flowId] = flow
        const token = newLinkToken(state, rng)
        state.links[token] = { token, flowId, expiresAt: d.endsAt, createdAt: t }
        const m: MeetingRecord = {
          meetingId,
          name: d.name,
          boardKey: randomString(rng, 16),
          flowIds: [flowId],
          linkTokens: { [flowId]: token },
          hosted: {
            hostIdHash: session.idHash,
            startsAt: d.startsAt,
            endsAt: d.endsAt,
            createdAt: t,
            cancelledAt: null,
            title: s.screen.title,
            logo: blob(s.screen.logo),
            background: blob(s.screen.background),
            invites: [],
            warnings: s.warnings
          }
        }
        state.meetings[meetingId] = m
        const payload = encodePayload({ type: 'S', id: flowId, token, expiresAt: d.endsAt })
        const signLink = entryLink(host, payload, scheme)
        const when = `${beijing(d.startsAt)}至${beijing(d.endsAt)}`
        const hostName = maskName(session.name)
        for (const x of d.signers) {
          const text = `【InkSeal电子签】${hostName}邀请您以“${x.role}”身份参加“${d.name}”会中签约（${when}），签署《${title}》。请打开 ${signLink} 完成实名认证后签署。`
          const smsId = k.deliverSms(maskMobile(x.mobile), text, t)
          m.hosted!.invites.push({ to: 'SIGNER', maskedName: maskName(x.name), maskedMobile: maskMobile(x.mobile), smsId })
        }
        for (const x of d.observers) {
          const text = `【InkSeal电子签】${hostName}邀请您列席“${d.name}”会中签约（${when}），合同《${title}》。查看签约进度：${signLink}`
          const smsId = k.deliverSms(maskMobile(x.mobile), text, t)
          m.hosted!.invites.push({ to: 'OBSERVER', maskedName: maskName(x.name), maskedMobile: maskMobile(x.mobile), smsId })
        }
        touch()
        return view(m, t)
      })
    },

    getHostedMeeting(input) {
      return k.run('getHostedMeeting', ({ t }) => view(mine(inputObject(input), t), t))
    },

    listHostedMeetings(input) {
      return k.run('listHostedMeetings', ({ t }) => {
        const session = k.requireSession(inputObject(input), t)
        return Object.values(k.state().meetings)
          .filter((m) => m.hosted?.hostIdHash === session.idHash)
          .sort((a, b) => b.hosted!.createdAt - a.hosted!.createdAt || (a.meetingId < b.meetingId ? -1 : 1))
          .map((m) => view(m, t))
      })
    },

    cancelHostedMeeting(input) {
      return k.run('cancelHostedMeeting', ({ t, touch }) => {
        const o = inputObject(input)
        const m = mine(o, t)
        const reason = typeof o.reason === 'string' ? o.reason.trim() : ''
        const len = Array.from(reason).length
        if (len < 2 || len > 100) throw invalid('reason', '请填写取消原因（2 到 100 个字）')
        const flow = k.state().flows[m.flowIds[0]]
        const status = flowStatus(flow, t)
        if (status === 'COMPLETED') throw new ServiceError('FLOW_COMPLETED', '合同已全部签署完成，不能取消')
        if (status === 'CANCELLED') throw new ServiceError('FLOW_CANCELLED', '该会议已取消')
        if (status === 'DECLINED') throw new ServiceError('FLOW_DECLINED', '已有签署方拒签，合同已终止')
        if (status === 'EXPIRED') throw new ServiceError('FLOW_EXPIRED', '会议已结束，合同已过期')
        flow.cancelledAt = t
        flow.closedReason = reason
        m.hosted!.cancelledAt = t
        touch()
        return view(m, t)
      })
    }
  }
}
