import { makeAutoObservable, runInAction } from 'mobx'
import { base64ToBytes } from '@/domain/base64'
import { toServiceError } from '@/services/errors'
import type { SigningCore } from './SigningCore'

/** Hands a file to the device: H5 downloads it, WeChat opens it (its menu saves or forwards). */
export type FileSaver = (bytes: Uint8Array, fileName: string, mime: string) => Promise<{ ok: boolean; message: string }>

/** The platform's saver, loaded on first use (the platform layer needs Taro; node tests pass their own). */
function platformSaver(): FileSaver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const files = require('@/platform/files') as typeof import('@/platform/files')
  return files.saveAndOpen
}

/** 下载合同文件: the PDF of record (signed when the flow is complete, a preview before). */
export class DocumentStore {
  busy = false
  error: string | null = null
  /** what was handed over last: its name, whether it carries the platform's signature, its SHA-256 */
  last: { fileName: string; signed: boolean; sha256: string; message: string } | null = null

  constructor(
    private readonly core: SigningCore,
    private save: FileSaver | null = null
  ) {
    makeAutoObservable<DocumentStore, 'core' | 'save'>(this, { core: false, save: false }, { autoBind: true })
  }

  /** Sets how files reach the device (tests); without it the platform's saveAndOpen is used. */
  useSaver(save: FileSaver): void {
    this.save = save
  }

  reset(): void {
    this.busy = false
    this.error = null
    this.last = null
  }

  async download(): Promise<boolean> {
    const token = this.core.token
    const flowId = this.core.flowId
    if (!token || !flowId || this.busy) return false
    this.busy = true
    this.error = null
    try {
      const doc = await this.core.service.getContractDocument({ session: token, flowId })
      const bytes = base64ToBytes(doc.pdfBase64)
      if (!bytes) throw new Error('bad document')
      this.save ??= platformSaver()
      const r = await this.save(bytes, doc.fileName, 'application/pdf')
      runInAction(() => {
        this.busy = false
        if (r.ok) this.last = { fileName: doc.fileName, signed: doc.signed, sha256: doc.sha256, message: r.message }
        else this.error = r.message
      })
      return r.ok
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.busy = false
        this.error = err.code === 'INTERNAL' ? '合同文件生成失败，请稍后重试' : err.message
      })
      return false
    }
  }
}
