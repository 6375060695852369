/**
 * Enterprise operations: the application (create, get, cancel) and file uploads.
 */
import { base64ToBytes } from '@/domain/base64'
import { ID_ALPHABET } from '@/domain/entryLink'
import { checkDeclaredSize, checkFile } from '@/domain/fileType'
import { ServiceError } from '@/services/errors'
import type { EnterpriseOperations, UploadedFile, UploadPurpose, UploadTicket } from '@/services/types'
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import { inputObject, invalid } from '../core/input'
import { type ApplicationRecord, cleanFileName, type FileRecord, findDemoMarker, type OpenUpload, ruleFor, str } from './model'
import type { enterpriseParties, EnterprisePartiesContext } from './parties'

export type ApplicationOpsContext = EnterprisePartiesContext & ReturnType<typeof enterpriseParties>

export function applicationOps(
  c: ApplicationOpsContext
): Pick<
  EnterpriseOperations,
  'createEnterpriseApplication' | 'getEnterpriseApplication' | 'cancelEnterpriseApplication' | 'startUpload' | 'uploadChunk' | 'finishUpload'
> {
  const { k, uploads, letterBytes, R, slice, move, requireApp, view, pruneFiles, openUpload, newId } = c
  return {
    createEnterpriseApplication(input) {
      return k.run('createEnterpriseApplication', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const s = slice()
        const id = newId((x) => !!s.applications[x], 8, ID_ALPHABET)
        const app: ApplicationRecord = {
          id,
          status: 'DRAFT',
          createdAt: t,
          updatedAt: t,
          operator: {
            idHash: session.idHash,
            name: session.name,
            maskedName: session.maskedName,
            mobileHash: session.mobileHash,
            maskedMobile: session.maskedMobile
          },
          licenseFileId: null,
          ocr: null,
          license: null,
          operatorIsLegalRep: false,
          admin: null,
          method: null,
          letters: [],
          legalRep: null,
          activatedAt: null,
          history: [{ at: t, status: 'DRAFT', text: `${session.maskedName} 发起企业认证` }]
        }
        s.applications[id] = app
        touch()
        return view(app)
      })
    },

    getEnterpriseApplication(input) {
      return k.run('getEnterpriseApplication', ({ t }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        return view(app)
      })
    },

    cancelEnterpriseApplication(input) {
      return k.run('cancelEnterpriseApplication', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        move(app, 'CANCEL', t, '经办人放弃了本次申请')
        if (app.legalRep) app.legalRep.token = null
        for (const l of app.letters) delete slice().pendingLetters[l.fileId]
        touch()
        return view(app)
      })
    },

    startUpload(input) {
      return k.run('startUpload', ({ t }): UploadTicket => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const purpose = o.purpose as UploadPurpose
        if (purpose !== 'LICENSE' && purpose !== 'LETTER') throw invalid('purpose', '上传用途不正确')
        const size = o.size
        if (typeof size !== 'number' || !Number.isInteger(size)) throw invalid('size', '文件大小不正确')
        const rule = ruleFor(purpose)
        const declared = checkDeclaredSize(size, rule)
        if (!declared.ok) {
          throw new ServiceError(declared.code === 'FILE_TOO_LARGE' ? 'FILE_TOO_LARGE' : 'FILE_DAMAGED', declared.message, {
            maxBytes: rule.maxBytes,
            size
          })
        }
        // Forget expired uploads, and the oldest of this person's beyond the limit.
        for (const [id, u] of uploads) if (t >= u.expiresAt) uploads.delete(id)
        const mine = [...uploads.values()].filter((u) => u.ownerIdHash === session.idHash).sort((a, b) => a.createdAt - b.createdAt)
        while (mine.length >= R.MAX_OPEN_UPLOADS) uploads.delete((mine.shift() as OpenUpload).uploadId)

        const uploadId = `up_${newId((x) => uploads.has(`up_${x}`), 16)}`
        const chunkCount = Math.ceil(size / R.CHUNK_SIZE)
        uploads.set(uploadId, {
          uploadId,
          ownerIdHash: session.idHash,
          purpose,
          fileName: cleanFileName(str(o, 'fileName'), purpose === 'LICENSE' ? '营业执照' : '授权书'),
          size,
          chunkCount,
          chunks: [],
          createdAt: t,
          expiresAt: t + R.UPLOAD_TTL_MS
        })
        return { uploadId, chunkSize: R.CHUNK_SIZE, chunkCount, maxBytes: rule.maxBytes, expiresAt: t + R.UPLOAD_TTL_MS }
      })
    },

    uploadChunk(input) {
      return k.run('uploadChunk', ({ t }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const u = openUpload(o, session, t)
        const index = o.index
        if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) throw invalid('index', '分片序号不正确')
        const bytes = base64ToBytes(str(o, 'data'))
        if (!bytes) throw invalid('data', '分片内容不是有效的 base64')
        const received = () => u.chunks.reduce((s, c) => s + c.length, 0)
        const next = u.chunks.length
        const expectedLength = Math.min(R.CHUNK_SIZE, u.size - index * R.CHUNK_SIZE)
        if (index >= u.chunkCount || bytes.length > expectedLength) {
          throw new ServiceError('FILE_TOO_LARGE', '上传的内容超过了声明的文件大小，请重新上传', { size: u.size })
        }
        if (bytes.length !== expectedLength) throw invalid('data', '分片大小不正确，请重新上传')
        if (index === next - 1) {
          u.chunks[index] = bytes // a retry of the last chunk
        } else if (index !== next) {
          throw new ServiceError('UPLOAD_INCOMPLETE', '分片顺序不正确，请重新上传', { expected: next })
        } else {
          u.chunks.push(bytes)
        }
        return { received: received(), size: u.size }
      })
    },

    finishUpload(input) {
      return k.run('finishUpload', ({ t, touch }): UploadedFile => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const u = openUpload(o, session, t)
        if (u.chunks.length !== u.chunkCount) {
          throw new ServiceError('UPLOAD_INCOMPLETE', '文件未上传完整，请重新上传', {
            received: u.chunks.reduce((s, c) => s + c.length, 0),
            size: u.size
          })
        }
        uploads.delete(u.uploadId)
        const bytes = new Uint8Array(u.size)
        let at = 0
        for (const c of u.chunks) {
          bytes.set(c, at)
          at += c.length
        }
        const rule = ruleFor(u.purpose)
        const checked = checkFile(bytes, rule)
        if (!checked.ok) {
          const code = checked.code === 'FILE_TOO_LARGE' ? 'FILE_TOO_LARGE' : checked.code === 'FILE_TYPE' ? 'FILE_TYPE_NOT_ALLOWED' : 'FILE_DAMAGED'
          throw new ServiceError(code, checked.message, { reason: checked.code, maxBytes: rule.maxBytes })
        }
        const s = slice()
        const fileId = `f_${newId((x) => !!s.files[`f_${x}`], 16)}`
        const rec: FileRecord = {
          fileId,
          ownerIdHash: session.idHash,
          purpose: u.purpose,
          fileName: u.fileName,
          kind: checked.value.kind,
          size: u.size,
          sha256: bytesToHex(sha256(bytes)),
          marker: findDemoMarker(bytes),
          uploadedAt: t
        }
        s.files[fileId] = rec
        if (u.purpose === 'LETTER') {
          letterBytes.set(fileId, bytes)
          for (const old of letterBytes.keys()) if (letterBytes.size > R.LETTER_BYTES_IN_MEMORY) letterBytes.delete(old)
        }
        pruneFiles()
        touch()
        return { fileId, purpose: rec.purpose, fileName: rec.fileName, kind: rec.kind, size: rec.size, sha256: rec.sha256, uploadedAt: t }
      })
    }
  }
}
