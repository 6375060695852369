import { makeAutoObservable, runInAction } from 'mobx'
import { sizeLabel } from '@/domain/fileType'
import { pdfVerdict, type PdfVerdict } from '@/domain/pdf/verdict'

/**
 * 合同验签: a PDF the person picked, checked on the device (its bytes only: type, size,
 * completeness, then every digital signature in it). Nothing is uploaded.
 */
export class PdfVerifyStore {
  checking = false
  fileName: string | null = null
  fileSize: string | null = null
  verdict: PdfVerdict | null = null
  /** a picker failure (not a verdict) */
  error: string | null = null

  constructor() {
    makeAutoObservable(this)
  }

  /** Checks the bytes; the verdict replaces the previous one. */
  async verify(file: { name: string; bytes: Uint8Array }): Promise<PdfVerdict> {
    this.checking = true
    this.error = null
    this.verdict = null
    this.fileName = file.name
    this.fileSize = sizeLabel(file.bytes.length)
    // let the "checking" state render before the CPU-bound check
    await new Promise((r) => setTimeout(r, 0))
    const verdict = pdfVerdict(file.bytes)
    runInAction(() => {
      this.verdict = verdict
      this.checking = false
    })
    return verdict
  }

  fail(message: string): void {
    this.error = message
    this.checking = false
  }

  reset(): void {
    this.checking = false
    this.fileName = null
    this.fileSize = null
    this.verdict = null
    this.error = null
  }
}
