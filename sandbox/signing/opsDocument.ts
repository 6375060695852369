/**
 * The PDF of record (docs/pdf.md): the contract's pages as a PDF with Kai subset fonts, every
 * committed value stamped at its field, a 签署报告, and — once the flow is complete — the
 * platform's signature with the sandbox's test CA (made on first need, then persisted).
 *
 * The engine (pdf-lib, node-forge, the outlines) loads on the first request through
 * src/platform/pdfEngine; where it cannot (WeChat's embedded sandbox) the answer is
 * DOCUMENT_UNAVAILABLE.
 */
import dayjs from 'dayjs'
import { bytesToBase64 } from '@/domain/base64'
import { base64Decode } from '@/domain/contract/base64'
import { maskName } from '@/domain/identity'
import type { Stamp } from '@/domain/pdf/engine'
import type { PdfEngine } from '@/platform/pdfEngine'
import { loadPdfEngine } from '@/platform/pdfEngine'
import { ServiceError } from '@/services/errors'
import { INTENT_METHOD_LABEL, type ContractDocument, type SigningOperations } from '@/services/types'
import { inputObject } from '../core/input'
import type { RenderValue } from './contractRender'
import { contractKey, contractOf, type StoredValue } from './model'
import type { StatusOpsContext } from './opsStatus'

const fmt = (t: number) => dayjs(t).format('YYYY-MM-DD HH:mm:ss')

/** The engine, loaded once; a failed load is tried again next time. */
let engineLoad: Promise<PdfEngine> | null = null
function engine(): Promise<PdfEngine> {
  engineLoad ??= loadPdfEngine().catch((e) => {
    engineLoad = null
    throw e
  })
  return engineLoad
}

/**
 * The contracts' original PDFs, by contract (a pure function of the flow data, like contractOf's
 * cache): every download stamps a fresh copy, the pages are laid out and set once.
 */
const originals = new Map<string, Promise<Uint8Array>>()

function methodLabel(v: StoredValue | undefined): string {
  if (!v) return '—'
  if (v.kind === 'SIGN_SEAL') return '企业印章'
  return v.sys ? '系统签名' : '手写签名'
}

export function documentOps(c: StatusOpsContext): Pick<SigningOperations, 'getContractDocument'> {
  const { k, slice, access, flowRec, applyDue, statusOf, renderValue, run } = c
  return {
    async getContractDocument(input) {
      // 1. what the document is made of, read under the operation's rules (session, access)
      const snap = await run('getContractDocument', ({ t }) => {
        const o = inputObject(input)
        const { flow } = access(o, t)
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const info = contractOf(flow)
        // (the runner copies results: plain objects only)
        const values: Record<string, RenderValue> = {}
        for (const [fieldId, v] of Object.entries(rec.values)) values[fieldId] = renderValue(v, fieldId)
        const signedBy = new Map<string, StoredValue>()
        for (const v of Object.values(rec.values)) if (v.kind === 'SIGN_SEAL' || (v.kind === 'SIGN_SIGNATURE' && !signedBy.has(v.by))) signedBy.set(v.by, v)
        const intentOf = new Map(rec.events.filter((e) => e.action === 'SIGNED' || e.action === 'INTENT_CONFIRMED').map((e) => [e.signerId, e.intent]))
        return {
          t,
          flow: JSON.parse(JSON.stringify(flow)) as typeof flow,
          info,
          values,
          complete: statusOf(flow, t) === 'COMPLETED',
          completedAt: Math.max(0, ...flow.signers.map((s) => s.signedAt ?? 0)),
          signers: flow.signers
            .filter((s) => s.status === 'SIGNED')
            .map((s) => ({
              name: maskName(s.name),
              identity: `实名认证 + 人脸核验 · 手机 ${s.maskedMobile}`,
              organization: s.enterpriseName ?? undefined,
              method: methodLabel(signedBy.get(s.signerId)),
              intent: INTENT_METHOD_LABEL[intentOf.get(s.signerId) ?? 'SMS'],
              signedAt: fmt(s.signedAt ?? t)
            })),
          ca: slice().ca ?? null
        }
      })
      let pdf: PdfEngine
      try {
        pdf = await engine()
      } catch (e) {
        console.warn('[sandbox] the PDF engine did not load:', e)
        throw new ServiceError('DOCUMENT_UNAVAILABLE', '当前环境暂不支持生成合同文件，请在电脑浏览器中打开或稍后重试')
      }
      // 2. the platform's signing certificate: made once, persisted with the sandbox state
      let ca = snap.ca
      if (snap.complete && !ca) {
        const made = await pdf.createTestCa(k.now(), 2048)
        ca = await run('getContractDocument', ({ touch }) => {
          const s = slice()
          if (!s.ca) {
            s.ca = { rootCertPem: made.rootCertPem, keyPem: made.signer.keyPem, certPem: made.signer.certPem }
            touch()
          }
          return s.ca
        })
      }
      // 3. the original pages, the stamps, the report, the signature
      const { flow, info } = snap
      const key = `${contractKey(flow)}|${flow.createdAt}`
      let made = originals.get(key)
      if (flow.hosted) {
        // a hosted contract: the PDF the host uploaded, as uploaded
        const uploaded = k.blobs.get(flow.hosted.pdf)
        if (!uploaded) throw new ServiceError('DOCUMENT_UNAVAILABLE', '合同原文件未保存在此设备，请在发起方的电脑上下载')
        made = Promise.resolve(uploaded)
      } else if (!made) {
        if (originals.size >= 8) originals.clear()
        made = pdf.pdfFromPages(info.pages, { title: flow.title, createdAt: new Date(flow.createdAt) }, pdf.loadShard)
        originals.set(key, made)
        made.catch(() => originals.delete(key))
      }
      const original = await made
      const stamps: Stamp[] = []
      for (const f of info.fields) {
        const v = snap.values[f.fieldId]
        if (!v) continue
        const rect = { x: f.x, y: f.y, w: f.w, h: f.h }
        if (f.type === 'SIGN_PAGING_SEAL') {
          if (v.seal) stamps.push({ kind: 'PAGING_SEAL', seal: v.seal, y: f.y, sizePt: f.w * info.pages[0].width })
        } else if (f.type === 'SIGN_SEAL') {
          if (v.seal) stamps.push({ kind: 'SEAL', page: f.page, rect, seal: v.seal })
        } else if (f.type === 'SIGN_SIGNATURE') {
          const png = v.png ? base64Decode(v.png) : null
          if (png) stamps.push({ kind: 'IMAGE', page: f.page, rect, png })
          else if (v.systemName) stamps.push({ kind: 'NAME', page: f.page, rect, name: v.systemName })
        } else if (f.type === 'CHECK_BOX') stamps.push({ kind: 'CHECK', page: f.page, rect, checked: !!v.checked })
        else if (v.text) stamps.push({ kind: 'TEXT', page: f.page, rect, text: v.text })
      }
      const initiator = flow.initiator.partyType === 'PERSON' ? maskName(flow.initiator.name) : flow.initiator.name
      const rec = await pdf.makePdfOfRecord({
        original,
        stamps,
        report: {
          title: flow.title,
          flowId: flow.flowId,
          initiator,
          completedAt: snap.complete ? fmt(snap.completedAt) : '尚未完成（预览，无数字签名）',
          signers: snap.signers
        },
        loadShard: pdf.loadShard,
        signature:
          snap.complete && ca
            ? {
                keys: { keyPem: ca.keyPem, certPem: ca.certPem, chainPems: [ca.rootCertPem] },
                signingTime: new Date(snap.completedAt),
                reason: '合同签署完成',
                name: 'InkSeal 电子签（沙箱）'
              }
            : undefined
      })
      const out: ContractDocument = {
        flowId: flow.flowId,
        fileName: `${flow.title.replace(/[\\/:*?"<>|]/g, '_')}${snap.complete ? '' : '（预览）'}.pdf`,
        signed: rec.signed,
        sha256: pdf.sha256Hex(rec.pdf),
        pageCount: rec.pageCount,
        pdfBase64: bytesToBase64(rec.pdf),
        generatedAt: snap.t
      }
      return out
    }
  }
}
