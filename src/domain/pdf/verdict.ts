/**
 * 合同验签: what a person is told about a PDF they picked, from verifyPdf's findings. Only the
 * bytes decide; the file name and what the picker says the file is count for nothing.
 */
import { checkFile, MB, type FileRule } from '@/domain/fileType'
import { verifyPdf, type PdfSignatureCheck } from './verify'

/** A contract PDF to check: PDF by its bytes, complete, at most 20 MB. */
export const CONTRACT_PDF_RULE: FileRule = { accept: ['PDF'], maxBytes: 20 * MB }

export type VerdictStatus = 'VALID' | 'ALTERED' | 'APPENDED' | 'UNSIGNED' | 'BAD_FILE'

export interface PdfVerdict {
  status: VerdictStatus
  /** one line, for the result's heading */
  title: string
  /** what it means for the reader */
  detail: string
  signer: { commonName: string; organization: string; issuer: string; signedAt: number | null } | null
  /** signatures found (0 when unsigned or unreadable) */
  signatures: number
}

function signerOf(c: PdfSignatureCheck): PdfVerdict['signer'] {
  return c.signer
    ? { commonName: c.signer.commonName, organization: c.signer.organization, issuer: c.signer.issuerCommonName, signedAt: c.signer.signingTime }
    : null
}

/** Checks the file, then every signature in it; the worst finding decides. */
export function pdfVerdict(bytes: Uint8Array): PdfVerdict {
  const file = checkFile(bytes, CONTRACT_PDF_RULE)
  if (!file.ok) return { status: 'BAD_FILE', title: '无法验签', detail: file.message, signer: null, signatures: 0 }
  const v = verifyPdf(bytes)
  if (!v.signed) {
    return {
      status: 'UNSIGNED',
      title: '该文件没有数字签名',
      detail: '这不是经电子签完成签署的合同文件，或签名已被去除，无法证明其内容未被改动。',
      signer: null,
      signatures: 0
    }
  }
  const broken = v.signatures.find((s) => !s.intact)
  if (broken) {
    return {
      status: 'ALTERED',
      title: '文件已被篡改',
      detail:
        broken.reason === 'DIGEST_MISMATCH' || broken.reason === 'BAD_SIGNATURE'
          ? '文件内容与签署时不一致：签署后文件被修改过，请以签署方持有的原件为准。'
          : '数字签名已损坏，无法证明文件未被改动，请以签署方持有的原件为准。',
      signer: signerOf(broken),
      signatures: v.signatures.length
    }
  }
  const last = v.signatures[v.signatures.length - 1]
  if (!last.coversWholeDocument) {
    return {
      status: 'APPENDED',
      title: '签署后文件被追加了内容',
      detail: '签名所覆盖的部分未被改动，但签署后文件末尾又被加入了内容，追加部分不受签名保护。',
      signer: signerOf(last),
      signatures: v.signatures.length
    }
  }
  return {
    status: 'VALID',
    title: '签名有效，文件未被篡改',
    detail: '文件自签署完成以来未被改动，数字签名覆盖整个文件。',
    signer: signerOf(last),
    signatures: v.signatures.length
  }
}
