/**
 * Enterprise operations: licence OCR and confirmation, the administrator, the authorization
 * letter and asking the legal representative.
 */
import { bytesToBase64 } from '@/domain/base64'
import { validateCreditCode } from '@/domain/creditCode'
import { canApply } from '@/domain/enterprise/application'
import { LETTER_TEMPLATE_FILE_NAME, letterTemplateLines, letterTemplatePdf } from '@/domain/enterprise/letterTemplate'
import { LICENSE_FIELDS, validateLicense, type LicenseField, type LicenseFields } from '@/domain/enterprise/license'
import { maskName } from '@/domain/identity'
import { randomString } from '@/domain/random'
import { ServiceError } from '@/services/errors'
import type { EnterpriseOperations, LetterTemplate } from '@/services/types'
import { hashId } from '../core/hash'
import { checkValid, inputObject } from '../core/input'
import { OCR_FAILURES, registryLicense } from './enterpriseDemo'
import { ocrOf, personInput, type PersonRecord, personRecord, readLicense, SECOND, stateError, str } from './model'
import type { enterpriseParties, EnterprisePartiesContext } from './parties'

export type AuthorizationOpsContext = EnterprisePartiesContext & ReturnType<typeof enterpriseParties>

export function authorizationOps(
  c: AuthorizationOpsContext
): Pick<EnterpriseOperations, 'recognizeLicense' | 'confirmLicense' | 'getLetterTemplate' | 'submitAuthorizationLetter' | 'requestLegalRepAuthorization'> {
  const { k, R, slice, letterBytes, move, requireApp, alreadyVerified, legalRepLink, view, requireMethod, fileOf } = c
  return {
    recognizeLicense(input) {
      return k.run('recognizeLicense', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!canApply(app.status, 'RECOGNIZE_LICENSE')) throw stateError(app.status)
        const file = fileOf(str(o, 'fileId'), session, 'LICENSE')
        const reading = readLicense(file)
        if (!reading.ok) {
          const f = OCR_FAILURES[reading.failure]
          throw new ServiceError('OCR_FAILED', f.message, { reason: reading.failure })
        }
        app.licenseFileId = file.fileId
        app.ocr = ocrOf(reading.license, file.fileId, t)
        app.license = null
        app.operatorIsLegalRep = false
        move(app, 'RECOGNIZE_LICENSE', t, '营业执照识别完成，待经办人确认')
        touch()
        return view(app)
      })
    },

    confirmLicense(input) {
      return k.run('confirmLicense', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!canApply(app.status, 'CONFIRM_LICENSE')) throw stateError(app.status)
        if (!app.ocr) throw new ServiceError('APPLICATION_STATE', '请先上传营业执照并完成识别', { status: app.status })
        const raw = o.license && typeof o.license === 'object' && !Array.isArray(o.license) ? (o.license as Record<string, unknown>) : {}
        const checked = validateLicense(raw, t)
        if (!checked.ok) {
          const field = LICENSE_FIELDS.find((f) => checked.errors[f]) as LicenseField
          throw new ServiceError('INVALID_INPUT', checked.errors[field] as string, { field, errors: checked.errors })
        }
        const lic = checked.value
        if (alreadyVerified(lic.creditCode, app.id)) {
          throw new ServiceError('ENTERPRISE_ALREADY_VERIFIED', `${lic.name}已完成企业认证，请联系该企业的超级管理员将您添加为员工`, {
            creditCode: lic.creditCode
          })
        }
        const reg = registryLicense(lic.creditCode)
        if (reg) {
          if (reg.fields.name !== lic.name) {
            throw new ServiceError('LICENSE_MISMATCH', '企业名称与统一社会信用代码的登记信息不一致，请核对营业执照', { field: 'name' })
          }
          if (reg.fields.legalRepresentative !== lic.legalRepresentative) {
            throw new ServiceError('LICENSE_MISMATCH', '法定代表人与统一社会信用代码的登记信息不一致，请核对营业执照', { field: 'legalRepresentative' })
          }
        }
        app.license = lic
        // Only the registry can tell who the legal representative is: a typed name is not enough.
        app.operatorIsLegalRep = !!reg && session.name === lic.legalRepresentative && hashId(reg.legalRep.idNumber) === session.idHash
        move(app, 'CONFIRM_LICENSE', t, `确认营业执照信息：${lic.name}`)
        touch()
        return view(app)
      })
    },

    getLetterTemplate(input) {
      return k.run('getLetterTemplate', ({ t }): LetterTemplate => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!app.license || !app.admin || app.status === 'LICENSE_CONFIRMED') {
          throw new ServiceError('APPLICATION_STATE', '请先确认营业执照信息并设置超级管理员', { status: app.status })
        }
        const info = {
          enterpriseName: app.license.name,
          creditCode: app.license.creditCode,
          legalRepresentative: app.license.legalRepresentative,
          adminName: app.admin.name
        }
        return {
          fileName: LETTER_TEMPLATE_FILE_NAME,
          mimeType: 'application/pdf',
          base64: bytesToBase64(letterTemplatePdf(info)),
          lines: letterTemplateLines(info).map((l) => l.text)
        }
      })
    },

    submitAuthorizationLetter(input) {
      return k.run('submitAuthorizationLetter', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!canApply(app.status, 'SUBMIT_LETTER')) throw stateError(app.status)
        requireMethod(app, 'LETTER')
        const file = fileOf(str(o, 'fileId'), session, 'LETTER')
        app.letters.push({
          fileId: file.fileId,
          fileName: file.fileName,
          kind: file.kind,
          size: file.size,
          submittedAt: t,
          reviewDueAt: t + R.LETTER_REVIEW_SLA_MS,
          outcome: 'PENDING',
          reason: null,
          decidedAt: null
        })
        // The reviewer views the letter: its bytes stay (persisted when small enough) until decided.
        const bytes = letterBytes.get(file.fileId)
        if (bytes && bytes.length <= R.LETTER_KEEP_BYTES) slice().pendingLetters[file.fileId] = bytesToBase64(bytes)
        app.method = 'LETTER'
        if (app.legalRep) app.legalRep.token = null
        move(app, 'SUBMIT_LETTER', t, app.letters.length > 1 ? '重新提交授权书，等待审核' : '提交授权书，等待审核')
        touch()
        return view(app)
      })
    },

    requestLegalRepAuthorization(input) {
      return k.run('requestLegalRepAuthorization', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!canApply(app.status, 'REQUEST_LEGAL_REP')) throw stateError(app.status)
        requireMethod(app, 'LEGAL_REP')
        const lic = app.license as LicenseFields
        const code = checkValid('creditCode', validateCreditCode(str(o, 'creditCode')))
        const rep = personInput(o.legalRep, t, 'legalRep')
        if (code.code !== lic.creditCode) {
          throw new ServiceError('LEGAL_REP_MISMATCH', '统一社会信用代码与营业执照不一致，请核对', { field: 'creditCode' })
        }
        if (rep.name !== lic.legalRepresentative) {
          throw new ServiceError('LEGAL_REP_MISMATCH', `法定代表人姓名与营业执照不一致（营业执照上为 ${maskName(lic.legalRepresentative)}）`, {
            field: 'legalRepName'
          })
        }
        const reg = registryLicense(lic.creditCode)
        if (reg && reg.legalRep.idNumber !== rep.idNumber) {
          throw new ServiceError('LEGAL_REP_MISMATCH', '法定代表人身份证号与工商登记信息不一致，请核对', { field: 'legalRepIdNumber' })
        }
        const prev = app.legalRep
        if (prev && prev.outcome === 'PENDING' && prev.token && t < prev.sentAt + R.LEGAL_REP_RESEND_MS) {
          const retryAfterMs = prev.sentAt + R.LEGAL_REP_RESEND_MS - t
          throw new ServiceError('SMS_TOO_FREQUENT', `授权链接发送过于频繁，请${Math.ceil(retryAfterMs / SECOND)}秒后再试`, { retryAfterMs })
        }
        const person = personRecord(rep)
        const token = randomString(k.rng(), 8)
        app.legalRep = {
          ...person,
          token,
          sentAt: t,
          linkExpiresAt: t + R.LEGAL_REP_LINK_TTL_MS,
          outcome: 'PENDING',
          decidedAt: null,
          refuseReason: null
        }
        app.method = 'LEGAL_REP'
        move(app, 'REQUEST_LEGAL_REP', t, `已向法定代表人 ${person.maskedName}（${person.maskedMobile}）发送授权链接`)
        const link = legalRepLink(app) as { link: string }
        const admin = app.admin as PersonRecord
        k.deliverSms(
          person.maskedMobile,
          `【InkSeal】${app.operator.maskedName}正在为${lic.name}办理企业认证，申请由${admin.maskedName}担任超级管理员，需要您作为法定代表人授权。请在24小时内打开链接完成授权：${link.link}`,
          t
        )
        touch()
        return view(app)
      })
    }
  }
}
