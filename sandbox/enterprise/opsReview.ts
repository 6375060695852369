/**
 * Enterprise operations of the reviewer (审核台, a sandbox operations role holding the desk's
 * key): list the letters, view one, approve it (the enterprise is activated) or reject it with
 * a reason (5–200 characters) the operator reads on their status page. Nothing is decided
 * without a reviewer.
 */
import { bytesToBase64 } from '@/domain/base64'
import { FILE_KIND_MIME } from '@/domain/fileType'
import { ServiceError } from '@/services/errors'
import type { EnterpriseOperations, LetterReviewDetail, LetterReviewItem } from '@/services/types'
import { inputObject, invalid } from '../core/input'
import { REVIEW_DESK } from './cloudRegistry'
import { registryLicense } from './enterpriseDemo'
import { type ApplicationRecord, type LetterRecord, requireApplicationId, str } from './model'
import type { enterpriseParties, EnterprisePartiesContext } from './parties'

export type ReviewOpsContext = EnterprisePartiesContext & ReturnType<typeof enterpriseParties>

const DECIDED_SHOWN = 20

export function reviewOps(c: ReviewOpsContext): Pick<EnterpriseOperations, 'listLetterReviews' | 'getLetterReview' | 'decideLetter'> {
  const { k, R, slice, letterBytes, move, activate, alreadyVerified, notifyOperator } = c

  function requireReviewer(o: Record<string, unknown>): void {
    if (str(o, 'reviewKey') !== REVIEW_DESK.key) {
      throw new ServiceError('FORBIDDEN', '审核口令不正确')
    }
  }

  function item(app: ApplicationRecord): LetterReviewItem {
    const lic = app.license as NonNullable<ApplicationRecord['license']>
    const last = app.letters[app.letters.length - 1]
    const file = slice().files[last.fileId]
    return {
      applicationId: app.id,
      enterpriseName: lic.name,
      creditCode: lic.creditCode,
      orgKind: lic.orgKind,
      registered: !!registryLicense(lic.creditCode),
      legalRepresentative: lic.legalRepresentative,
      operatorMaskedName: app.operator.maskedName,
      adminMaskedName: app.admin?.maskedName ?? '',
      submission: app.letters.length,
      fileName: last.fileName,
      kind: last.kind,
      size: last.size,
      sha256: file?.sha256 ?? '',
      submittedAt: last.submittedAt,
      outcome: last.outcome,
      reason: last.reason,
      decidedAt: last.decidedAt,
      earlierReasons: app.letters.slice(0, -1).flatMap((l) => (l.reason ? [l.reason] : []))
    }
  }

  function withLetter(o: Record<string, unknown>): { app: ApplicationRecord; last: LetterRecord } {
    const id = requireApplicationId(o)
    const app = slice().applications[id]
    const last = app?.letters[app.letters.length - 1]
    if (!app || !last || !app.license) throw new ServiceError('APPLICATION_NOT_FOUND', '没有找到该授权书', { applicationId: id })
    return { app, last }
  }

  return {
    listLetterReviews(input) {
      return k.run('listLetterReviews', () => {
        const o = inputObject(input)
        requireReviewer(o)
        const withLetters = Object.values(slice().applications).filter((a) => a.letters.length > 0 && a.license)
        const pending = withLetters.filter((a) => a.status === 'LETTER_REVIEW').map(item)
        pending.sort((a, b) => a.submittedAt - b.submittedAt)
        const decided = withLetters.filter((a) => a.letters[a.letters.length - 1].outcome !== 'PENDING').map(item)
        decided.sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0))
        return { items: [...pending, ...decided.slice(0, DECIDED_SHOWN)] }
      })
    },

    getLetterReview(input) {
      return k.run('getLetterReview', (): LetterReviewDetail => {
        const o = inputObject(input)
        requireReviewer(o)
        const { app, last } = withLetter(o)
        const kept = last.outcome === 'PENDING' ? (slice().pendingLetters[last.fileId] ?? letterBase64(last.fileId)) : null
        return { ...item(app), file: kept ? { base64: kept, mimeType: FILE_KIND_MIME[last.kind] } : null }
      })
    },

    decideLetter(input) {
      return k.run('decideLetter', ({ t, touch }) => {
        const o = inputObject(input)
        requireReviewer(o)
        const { app, last } = withLetter(o)
        const decision = o.decision
        if (decision !== 'APPROVE' && decision !== 'REJECT') throw invalid('decision', '请选择通过或驳回')
        if (last.outcome !== 'PENDING' || app.status !== 'LETTER_REVIEW') {
          throw new ServiceError('LETTER_DECIDED', app.status === 'CANCELLED' ? '经办人已放弃该申请' : '该授权书已审核', {
            outcome: last.outcome,
            status: app.status
          })
        }
        const lic = app.license as NonNullable<ApplicationRecord['license']>
        if (decision === 'REJECT') {
          const reason = str(o, 'reason').trim()
          const n = Array.from(reason).length
          if (n < R.REJECT_REASON_MIN || n > R.REJECT_REASON_MAX) {
            throw invalid('reason', `请填写驳回原因（${R.REJECT_REASON_MIN}–${R.REJECT_REASON_MAX} 个字）`)
          }
          last.outcome = 'REJECTED'
          last.reason = reason
          last.decidedAt = t
          move(app, 'LETTER_REJECTED', t, `授权书审核未通过：${reason}`)
          notifyOperator(app, `【InkSeal】${lic.name}的授权书未通过审核：${reason}`, t)
        } else {
          if (alreadyVerified(lic.creditCode, app.id)) {
            throw new ServiceError('ENTERPRISE_ALREADY_VERIFIED', `${lic.name}已完成企业认证`, { creditCode: lic.creditCode })
          }
          last.outcome = 'APPROVED'
          last.decidedAt = t
          move(app, 'LETTER_APPROVED', t, '授权书审核通过，企业认证完成')
          activate(app, t)
          notifyOperator(app, `【InkSeal】${lic.name}的企业认证已通过。`, t)
        }
        delete slice().pendingLetters[last.fileId]
        letterBytes.delete(last.fileId)
        touch()
        return item(app)
      })
    }
  }

  function letterBase64(fileId: string): string | null {
    const b = letterBytes.get(fileId)
    return b ? bytesToBase64(b) : null
  }
}
