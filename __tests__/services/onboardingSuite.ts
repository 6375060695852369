/**
 * Onboarding by the rules (issue 15): the super administrator's identity and SMS confirmation,
 * no self-authorization for credit codes outside the registry, letters reviewed by a reviewer
 * (审核台, never automatically), and 腾讯云企业快速认证. Run on the sandbox by
 * enterpriseOnboarding.test.ts and over HTTP by enterpriseOnboarding.http.test.ts.
 */
import { SANDBOX_STORAGE_KEY } from '@sandbox'
import { activeEnterprises, findActiveEnterprise } from '@sandbox/enterprise'
import { CLOUD_ACCOUNTS } from '@sandbox/enterprise/cloudRegistry'
import { DEMO_LICENSES } from '@sandbox/enterprise/enterpriseDemo'
import { DEMO_PEOPLE } from '@sandbox/core/demoData'
import {
  ADMIN,
  adminSet,
  codeFor,
  expectError,
  fieldsOf,
  linkParts,
  mask,
  MINUTE,
  OPERATOR,
  recognised,
  REVIEW_KEY,
  setAdmin,
  upload,
  verify,
  type Env
} from './enterpriseHelpers'

/** The suite over an environment: the sandbox itself, or an HTTP client in front of it. */
export function onboardingSuite(setup: () => Promise<Env>): void {
  const stateOf = (env: Env) => JSON.parse(env.storage.get(SANDBOX_STORAGE_KEY) as string)

  describe('the super administrator: identity checked, confirmed by SMS', () => {
    test('name or mobile that disagree with the ID registry are refused in clear Chinese, naming the field', async () => {
      const { env, session, app } = await recognised(await setup(), 'STANDARD')
      const id = app.applicationId
      await env.svc.confirmLicense({ session, applicationId: id, license: fieldsOf('STANDARD') as never })
      const name = await expectError(env.svc.sendAdminCode({ session, applicationId: id, admin: { ...ADMIN, name: '赵明' } }), 'ADMIN_IDENTITY_MISMATCH')
      expect(name.message).toBe('超级管理员的姓名与身份证号不一致，请核对后重试')
      expect(name.details.field).toBe('name')
      const mobile = await expectError(
        env.svc.sendAdminCode({ session, applicationId: id, admin: { ...ADMIN, mobile: '13800138000' } }),
        'ADMIN_IDENTITY_MISMATCH'
      )
      expect(mobile.message).toContain('不是超级管理员本人实名登记的号码')
      expect(mobile.details.field).toBe('mobile')
      // No code went anywhere, and the same check guards setAdministrator itself.
      expect(env.sb.dev.listSmsOutbox().some((m) => m.to === '138****8000')).toBe(false)
      await expectError(
        env.svc.setAdministrator({ session, applicationId: id, admin: { ...ADMIN, name: '赵明' }, smsCode: '123456' }),
        'ADMIN_IDENTITY_MISMATCH'
      )
      expect((await env.svc.getEnterpriseApplication({ session, applicationId: id })).status).toBe('LICENSE_CONFIRMED')
    })

    test('the code goes to the administrator’s own mobile; wrong, expired and too frequent codes are refused', async () => {
      const { env, session, app } = await recognised(await setup(), 'STANDARD')
      const id = app.applicationId
      await env.svc.confirmLicense({ session, applicationId: id, license: fieldsOf('STANDARD') as never })
      const ticket = await env.svc.sendAdminCode({ session, applicationId: id, admin: ADMIN })
      expect(ticket.sentTo).toBe(mask(ADMIN.mobile))
      const sms = env.sb.dev.listSmsOutbox().find((m) => m.to === mask(ADMIN.mobile))
      expect(sms?.text).toContain('北京墨印科技有限公司的超级管理员')
      await expectError(env.svc.sendAdminCode({ session, applicationId: id, admin: ADMIN }), 'SMS_TOO_FREQUENT')
      const code = codeFor(env, mask(ADMIN.mobile))
      const wrong = code === '000000' ? '111111' : '000000'
      const w = await expectError(env.svc.setAdministrator({ session, applicationId: id, admin: ADMIN, smsCode: wrong }), 'SMS_CODE_WRONG')
      expect(w.message).toContain('验证码错误')
      env.advance(5 * MINUTE)
      await expectError(env.svc.setAdministrator({ session, applicationId: id, admin: ADMIN, smsCode: code }), 'SMS_CODE_EXPIRED')
      // A new code after the wait works once.
      await env.svc.sendAdminCode({ session, applicationId: id, admin: ADMIN })
      const fresh = codeFor(env, mask(ADMIN.mobile))
      const done = await env.svc.setAdministrator({ session, applicationId: id, admin: ADMIN, smsCode: fresh })
      expect(done.status).toBe('ADMIN_SET')
      expect(done.history.at(-1)?.text).toContain('已短信确认')
      await env.svc.confirmLicense({ session, applicationId: id, license: fieldsOf('STANDARD') as never })
      await expectError(env.svc.setAdministrator({ session, applicationId: id, admin: ADMIN, smsCode: fresh }), 'SMS_CODE_MISSING')
    })
  })

  describe('the legal representative confirms by SMS too', () => {
    test('through the link: a wrong code, an expired one and a too-frequent request are refused; the right code activates', async () => {
      const env = await setup()
      const f = await adminSet(env, 'STANDARD')
      const rep = DEMO_LICENSES.STANDARD.legalRep
      const app = await env.svc.requestLegalRepAuthorization({
        session: f.session,
        applicationId: f.app.applicationId,
        creditCode: DEMO_LICENSES.STANDARD.fields.creditCode,
        legalRep: rep
      })
      const { applicationId, linkToken } = linkParts(app)
      const s = (await verify(env, rep)).token
      await env.svc.sendLegalRepCode({ session: s, applicationId, linkToken })
      await expectError(env.svc.sendLegalRepCode({ session: s, applicationId, linkToken }), 'SMS_TOO_FREQUENT')
      const code = codeFor(env, mask(rep.mobile))
      await expectError(
        env.svc.confirmLegalRepAuthorization({ session: s, applicationId, linkToken, smsCode: code === '000000' ? '111111' : '000000' }),
        'SMS_CODE_WRONG'
      )
      env.advance(5 * MINUTE)
      await expectError(env.svc.confirmLegalRepAuthorization({ session: s, applicationId, linkToken, smsCode: code }), 'SMS_CODE_EXPIRED')
      await env.svc.sendLegalRepCode({ session: s, applicationId, linkToken })
      const done = await env.svc.confirmLegalRepAuthorization({ session: s, applicationId, linkToken, smsCode: codeFor(env, mask(rep.mobile)) })
      expect(done.outcome).toBe('CONFIRMED')
      expect(findActiveEnterprise(stateOf(env), DEMO_LICENSES.STANDARD.fields.creditCode)).toMatchObject({ method: 'LEGAL_REP', admin: { name: ADMIN.name } })
    })
  })

  describe('credit codes outside the registry', () => {
    test('an operator cannot authorize themselves by typing their own name as legal representative: letter only', async () => {
      const env = await setup()
      const { session, app } = await recognised(env, 'STANDARD')
      const id = app.applicationId
      // An unknown (valid) code, with the operator typed as the legal representative.
      const typed = { ...fieldsOf('STANDARD'), name: '上海某某贸易有限公司', creditCode: '91310110MA1G8TK638', legalRepresentative: OPERATOR.name }
      const confirmed = await env.svc.confirmLicense({ session, applicationId: id, license: typed as never })
      expect(confirmed.operatorIsLegalRep).toBe(false)
      const withAdmin = await setAdmin(env, session, id, OPERATOR)
      expect(withAdmin.allowedMethods).toEqual(['LETTER'])
      const self = await expectError(env.svc.sendLegalRepCode({ session, applicationId: id }), 'METHOD_NOT_ALLOWED')
      expect(self.message).toContain('只能上传授权书人工审核')
      await expectError(
        env.svc.requestLegalRepAuthorization({ session, applicationId: id, creditCode: typed.creditCode, legalRep: OPERATOR }),
        'METHOD_NOT_ALLOWED'
      )
      // The letter goes into the reviewer's queue, and stays there.
      const letter = await upload(env, session, 'LETTER', '授权书.png', env.sb.dev.licenseSampleImage('LETTER'))
      await env.svc.submitAuthorizationLetter({ session, applicationId: id, fileId: letter.fileId })
      env.advance(20 * MINUTE)
      expect((await env.svc.getEnterpriseApplication({ session, applicationId: id })).status).toBe('LETTER_REVIEW')
      const { items } = await env.svc.listLetterReviews({ reviewKey: REVIEW_KEY })
      expect(items[0]).toMatchObject({ applicationId: id, registered: false, enterpriseName: '上海某某贸易有限公司', outcome: 'PENDING' })
    })
  })

  describe('letters: a reviewer decides', () => {
    test('queue → reject with a reason → the operator sees it and resubmits → approve → activated', async () => {
      const env = await setup()
      const { session, app } = await adminSet(env, 'REJECT_FIRST')
      const id = app.applicationId
      const bytes = env.sb.dev.licenseSampleImage('LETTER')
      const first = await upload(env, session, 'LETTER', '授权书.png', bytes)
      const submitted = await env.svc.submitAuthorizationLetter({ session, applicationId: id, fileId: first.fileId })
      expect(submitted.status).toBe('LETTER_REVIEW')

      // Not decided by the clock.
      env.advance(20 * MINUTE)
      expect((await env.svc.getEnterpriseApplication({ session, applicationId: id })).status).toBe('LETTER_REVIEW')

      await expectError(env.svc.listLetterReviews({ reviewKey: 'guess' }), 'FORBIDDEN')
      const { items } = await env.svc.listLetterReviews({ reviewKey: REVIEW_KEY })
      expect(items).toHaveLength(1)
      expect(items[0]).toMatchObject({ applicationId: id, enterpriseName: '广州南沙远航物流有限公司', submission: 1, kind: 'PNG', registered: true })
      const detail = await env.svc.getLetterReview({ reviewKey: REVIEW_KEY, applicationId: id })
      expect(detail.file?.mimeType).toBe('image/png')
      expect(Buffer.from(detail.file!.base64, 'base64').equals(Buffer.from(bytes))).toBe(true)

      const short = await expectError(env.svc.decideLetter({ reviewKey: REVIEW_KEY, applicationId: id, decision: 'REJECT', reason: '不行' }), 'INVALID_INPUT')
      expect(short.details.field).toBe('reason')
      await expectError(env.svc.decideLetter({ reviewKey: REVIEW_KEY, applicationId: id, decision: 'REJECT', reason: '字'.repeat(201) }), 'INVALID_INPUT')
      await expectError(env.svc.decideLetter({ reviewKey: 'nope', applicationId: id, decision: 'APPROVE' }), 'FORBIDDEN')
      const reason = '授权书未加盖企业公章，请盖章后重新上传'
      const rejected = await env.svc.decideLetter({ reviewKey: REVIEW_KEY, applicationId: id, decision: 'REJECT', reason })
      expect(rejected).toMatchObject({ outcome: 'REJECTED', reason })
      await expectError(env.svc.decideLetter({ reviewKey: REVIEW_KEY, applicationId: id, decision: 'APPROVE' }), 'LETTER_DECIDED')

      const seen = await env.svc.getEnterpriseApplication({ session, applicationId: id })
      expect(seen.status).toBe('LETTER_REJECTED')
      expect(seen.letters[0]).toMatchObject({ outcome: 'REJECTED', reason })
      expect(env.sb.dev.listSmsOutbox().some((m) => m.to === mask(OPERATOR.mobile) && m.text.includes(reason))).toBe(true)
      // The licence and administrator stay: only a new letter is needed.
      expect(seen.admin?.maskedName).toBe('赵*')
      const again = await upload(env, session, 'LETTER', '授权书-盖章.png', bytes)
      expect((await env.svc.submitAuthorizationLetter({ session, applicationId: id, fileId: again.fileId })).status).toBe('LETTER_REVIEW')
      const queue = await env.svc.listLetterReviews({ reviewKey: REVIEW_KEY })
      expect(queue.items[0]).toMatchObject({ applicationId: id, submission: 2, outcome: 'PENDING', earlierReasons: [reason] })

      const approved = await env.svc.decideLetter({ reviewKey: REVIEW_KEY, applicationId: id, decision: 'APPROVE' })
      expect(approved.outcome).toBe('APPROVED')
      const done = await env.svc.getEnterpriseApplication({ session, applicationId: id })
      expect(done.status).toBe('ACTIVATED')
      expect(done.letters.map((l) => l.outcome)).toEqual(['REJECTED', 'APPROVED'])
      // The reviewed letter's bytes are dropped once decided.
      expect((await env.svc.getLetterReview({ reviewKey: REVIEW_KEY, applicationId: id })).file).toBeNull()
      expect(Object.keys(stateOf(env).modules.enterprise.pendingLetters)).toHaveLength(0)

      // The activation accessor other modules read.
      const active = findActiveEnterprise(stateOf(env), '91440115MA59R6TN0C')
      expect(active).toMatchObject({ name: '广州南沙远航物流有限公司', method: 'LETTER', admin: { name: ADMIN.name, maskedMobile: mask(ADMIN.mobile) } })
    })
  })

  describe('腾讯云企业快速认证', () => {
    const QINGHE = CLOUD_ACCOUNTS.QINGHE

    async function quick(env: Env, who: { name: string; idNumber: string; mobile: string }) {
      const s = await verify(env, who)
      const app = await env.svc.createEnterpriseApplication({ session: s.token })
      return { session: s.token, id: app.applicationId }
    }

    test('the operator sees the name the cloud account holds, confirms with their own code: activated, operator as super administrator', async () => {
      const env = await setup()
      const { session, id } = await quick(env, DEMO_PEOPLE.WU_HAO)
      const info = await env.svc.lookupCloudEnterprise({ session, applicationId: id })
      expect(info).toMatchObject({ enterpriseName: '南京青禾数据科技有限公司', creditCode: QINGHE.license.creditCode, legalRepMaskedName: '钟**' })
      expect(info.cloudAccount).toBe('1000****1937')
      await env.svc.sendAdminCode({ session, applicationId: id })
      const code = codeFor(env, mask(DEMO_PEOPLE.WU_HAO.mobile))
      const stale = await expectError(
        env.svc.confirmCloudEnterprise({ session, applicationId: id, creditCode: info.creditCode, enterpriseName: '南京青禾科技有限公司', smsCode: code }),
        'CLOUD_NAME_MISMATCH'
      )
      expect(stale.details.reason).toBe('CONFIRMED_NAME')
      await expectError(
        env.svc.confirmCloudEnterprise({
          session,
          applicationId: id,
          creditCode: info.creditCode,
          enterpriseName: info.enterpriseName,
          smsCode: '000001' === code ? '000002' : '000001'
        }),
        'SMS_CODE_WRONG'
      )
      const done = await env.svc.confirmCloudEnterprise({
        session,
        applicationId: id,
        creditCode: info.creditCode,
        enterpriseName: info.enterpriseName,
        smsCode: code
      })
      expect(done.status).toBe('ACTIVATED')
      expect(done.method).toBe('CLOUD')
      expect(done.admin?.isOperator).toBe(true)
      expect(done.license?.name).toBe('南京青禾数据科技有限公司')
      expect(activeEnterprises(stateOf(env)).map((e) => [e.name, e.method, e.admin.name])).toEqual([['南京青禾数据科技有限公司', 'CLOUD', '吴昊']])
      // Done once: a second application for the same company is refused.
      env.advance(MINUTE)
      const again = await quick(env, DEMO_PEOPLE.WU_HAO)
      await env.svc.sendAdminCode({ session: again.session, applicationId: again.id })
      await expectError(
        env.svc.confirmCloudEnterprise({
          session: again.session,
          applicationId: again.id,
          creditCode: info.creditCode,
          enterpriseName: info.enterpriseName,
          smsCode: codeFor(env, mask(DEMO_PEOPLE.WU_HAO.mobile))
        }),
        'ENTERPRISE_ALREADY_VERIFIED'
      )
    })

    test('refused: no enterprise on the cloud account, a renamed enterprise, one already verified, or after the licence path began', async () => {
      const env = await setup()
      const none = await quick(env, OPERATOR)
      const nf = await expectError(env.svc.lookupCloudEnterprise({ session: none.session, applicationId: none.id }), 'CLOUD_ENTERPRISE_NOT_FOUND')
      expect(nf.message).toContain('腾讯云账号下没有已完成认证的企业')

      const renamed = await quick(env, DEMO_PEOPLE.CHEN_CHEN)
      const info = await env.svc.lookupCloudEnterprise({ session: renamed.session, applicationId: renamed.id })
      expect(info.enterpriseName).toBe('苏州云帆网络科技有限公司')
      await env.svc.sendAdminCode({ session: renamed.session, applicationId: renamed.id })
      const code = codeFor(env, mask(DEMO_PEOPLE.CHEN_CHEN.mobile))
      const mm = await expectError(
        env.svc.confirmCloudEnterprise({
          session: renamed.session,
          applicationId: renamed.id,
          creditCode: info.creditCode,
          enterpriseName: info.enterpriseName,
          smsCode: code
        }),
        'CLOUD_NAME_MISMATCH'
      )
      expect(mm.message).toContain('与工商登记的名称“苏州云帆智能科技有限公司”不一致')
      expect((await env.svc.getEnterpriseApplication({ session: renamed.session, applicationId: renamed.id })).status).toBe('DRAFT')

      const verified = await quick(env, DEMO_PEOPLE.WANG_FANG)
      const vi = await env.svc.lookupCloudEnterprise({ session: verified.session, applicationId: verified.id })
      await expectError(
        env.svc.confirmCloudEnterprise({
          session: verified.session,
          applicationId: verified.id,
          creditCode: vi.creditCode,
          enterpriseName: vi.enterpriseName,
          smsCode: '123456'
        }),
        'ENTERPRISE_ALREADY_VERIFIED'
      )

      // Once the licence is confirmed, the quick path is closed.
      const s = (await verify(env, DEMO_PEOPLE.WU_HAO)).token
      const app = await env.svc.createEnterpriseApplication({ session: s })
      const lic = await upload(env, s, 'LICENSE', 'l.png', env.sb.dev.licenseSampleImage('STANDARD'))
      await env.svc.recognizeLicense({ session: s, applicationId: app.applicationId, fileId: lic.fileId })
      await env.svc.confirmLicense({ session: s, applicationId: app.applicationId, license: fieldsOf('STANDARD') as never })
      await expectError(env.svc.lookupCloudEnterprise({ session: s, applicationId: app.applicationId }), 'APPLICATION_STATE')
    })
  })
}
