/**
 * Hosted contracts (sandbox/host): a flow whose contract a host uploaded. Its pages are the
 * images the host's browser rendered from the PDF (blobs), its fields the ones the host placed,
 * its PDF of record the uploaded PDF stamped (opsDocument.ts). Same ContractInfo shape as the
 * demo contracts, so every signing operation works on both.
 */
import { sha256 } from '@noble/hashes/sha256'
import { escapeXml } from '@/domain/seal/svg'
import type { Field, FieldType } from '@/services/types'
import { utf8Bytes } from '../core/hash'
import type { FlowRecord, HostedContract } from '../core/state'
import { canonicalStatic, type PageImageSource, type PageModel } from './contractRender'
import type { ContractSpec } from './demoSeals'
import { setHostedSupport } from './hostedSupport'
import type { ContractInfo } from './model'

/** The signing options of every hosted contract. */
export const HOSTED_OPTIONS: ContractSpec['options'] = {
  forcedReading: null,
  allowSystemSignature: true,
  signatureApply: 'ALL_AT_ONCE',
  allowDecline: true,
  intentMethods: ['SMS', 'FACE', 'PASSWORD']
}

/** The seal types an enterprise signer's seal fields accept. */
const HOSTED_SEAL_TYPES = ['OFFICIAL', 'CONTRACT'] as const

const DATE_FORMAT = 'YYYY年MM月DD日'

function hostedSpec(flow: FlowRecord): ContractSpec {
  return {
    contractNo: `HT-${flow.flowId}`,
    options: HOSTED_OPTIONS,
    partyLines: [],
    preamble: '',
    clauses: [],
    filler: { subject: '', object: '' },
    finalClauses: [],
    fields: [],
    texts: []
  }
}

function hostedPages(h: HostedContract): PageModel[] {
  return h.pages.map((p, index) => ({ index, width: p.w, height: p.h, items: [], seals: [], image: { hash: p.img, mime: p.mime } }))
}

function hostedFields(flow: FlowRecord, h: HostedContract): Field[] {
  return h.fields.map((f, i): Field => {
    const type: FieldType = f.type
    const field: Field = {
      fieldId: `${flow.flowId}-F${i + 1}`,
      signerId: flow.signers[f.signer].signerId,
      type,
      page: type === 'SIGN_PAGING_SEAL' ? 0 : f.page,
      x: f.x,
      y: f.y,
      w: f.w,
      h: f.h,
      required: f.required,
      label: f.label,
      filled: null
    }
    if (type === 'SIGN_SEAL' || type === 'SIGN_PAGING_SEAL') field.acceptedSealTypes = [...HOSTED_SEAL_TYPES]
    if (type === 'SIGN_DATE') field.dateFormat = DATE_FORMAT
    if (type === 'TEXT') field.maxLength = 50
    return field
  })
}

/** A hosted page's image under the fields (or a note where this sandbox no longer has it). */
function pageImageSvg(page: PageModel, imageOf: PageImageSource | undefined): string {
  if (!page.image) return ''
  const b64 = imageOf?.(page.image.hash) ?? null
  if (!b64) {
    const note = '（本页原文件未保存在此设备，请在发起方的电脑上查看）'
    return `<text x="${page.width / 2}" y="${page.height / 2}" font-size="12" text-anchor="middle" fill="#999999">${escapeXml(note)}</text>`
  }
  return `<image x="0" y="0" width="${page.width}" height="${page.height}" preserveAspectRatio="none" xlink:href="data:${page.image.mime};base64,${b64}"/>`
}

/** A hosted flow's contract: the uploaded pages and the host's fields. */
function hostedContractOf(flow: FlowRecord): ContractInfo {
  const hosted = flow.hosted as HostedContract
  const spec = hostedSpec(flow)
  const pages = hostedPages(hosted)
  const fields = hostedFields(flow, hosted)
  const orders = new Set(flow.signers.map((s) => s.order))
  return {
    spec,
    pages,
    fields,
    staticHash: sha256.create().update(utf8Bytes(canonicalStatic(spec.contractNo, flow.title, pages, fields, hosted.pdf))),
    options: { ...spec.options, intentMethods: [...spec.options.intentMethods], ordered: orders.size > 1 }
  }
}

/** Lets the signing module open hosted contracts (hostedSupport.ts). Idempotent. */
export function installHostedContracts(): void {
  setHostedSupport({ contractOf: hostedContractOf, pageImageSvg })
}
