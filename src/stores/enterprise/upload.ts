import { makeAutoObservable, runInAction } from 'mobx'
import { bytesToBase64 } from '@/domain/base64'
import { checkFile, LETTER_FILE_RULE, LICENSE_FILE_RULE } from '@/domain/fileType'
import { toServiceError } from '@/services/errors'
import type { UploadedFile, UploadPurpose } from '@/services/types'
import type { EnterpriseStore } from '@/stores/EnterpriseStore'
import { isSessionError, type PickedBytes, type UploadProgress } from './core'

/** A licence or letter file sent in chunks; progress in `progress`. */
export class UploadUnit {
  progress: UploadProgress | null = null

  constructor(private readonly host: EnterpriseStore) {
    makeAutoObservable<UploadUnit, 'host'>(this, { host: false })
  }

  /** Checks the bytes here first, then sends them in chunks. */
  async uploadFile(purpose: UploadPurpose, file: PickedBytes): Promise<UploadedFile | null> {
    const host = this.host
    const s = host.session.active
    if (!s) {
      host.error = '请先完成实名认证'
      return null
    }
    const checked = checkFile(file.bytes, purpose === 'LICENSE' ? LICENSE_FILE_RULE : LETTER_FILE_RULE)
    const total = file.bytes.length
    if (!checked.ok) {
      this.progress = { purpose, fileName: file.name, sent: 0, total, phase: 'failed', message: checked.message }
      return null
    }
    this.progress = { purpose, fileName: file.name, sent: 0, total, phase: 'uploading', message: null }
    host.busy = true
    try {
      const ticket = await host.service.startUpload({ session: s.token, purpose, fileName: file.name, size: total })
      for (let i = 0; i < ticket.chunkCount; i++) {
        const part = file.bytes.subarray(i * ticket.chunkSize, (i + 1) * ticket.chunkSize)
        const r = await host.service.uploadChunk({ session: s.token, uploadId: ticket.uploadId, index: i, data: bytesToBase64(part) })
        runInAction(() => {
          if (this.progress) this.progress.sent = r.received
        })
      }
      runInAction(() => {
        if (this.progress) this.progress.phase = 'processing'
      })
      const done = await host.service.finishUpload({ session: s.token, uploadId: ticket.uploadId })
      runInAction(() => {
        host.busy = false
        if (this.progress) this.progress.phase = 'done'
      })
      return done
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        host.busy = false
        if (this.progress) {
          this.progress.phase = 'failed'
          this.progress.message = err.message
        }
        if (isSessionError(err)) host.failed(err)
      })
      return null
    }
  }

  markFailed(): void {
    if (this.progress) this.progress.phase = 'failed'
  }

  clear(): void {
    this.progress = null
  }
}
