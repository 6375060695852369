/**
 * The sandbox's enterprise onboarding: uploads (checked by bytes), OCR of demo licences, the
 * confirm step, the administrator, and the ways of authorizing: the letter (its review by the
 * reviewer is in enterpriseOnboarding.test.ts), and the legal representative's link.
 */
import { parseEntry } from '@/domain/entryLink'
import { encodePng } from '@/domain/enterprise/png'
import { bytesToBase64 } from '@/domain/base64'
import { letterTemplatePdf } from '@/domain/enterprise/letterTemplate'
import { base64ToBytes } from '@/domain/base64'
import { MB } from '@/domain/fileType'
import { residentIdCheckChar } from '@/domain/identity'
import { RULES, SANDBOX_STORAGE_KEY } from '@sandbox'
import { DEMO_LICENSES, PICKABLE_SAMPLES } from '@sandbox/enterprise/enterpriseDemo'
import { ENTERPRISE_RULES, findDemoMarker, readLicense } from '@sandbox/enterprise'
import { DEMO_PEOPLE } from '@sandbox/core/demoData'
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import { ADMIN, adminSet, codeFor, expectError, fieldsOf, linkParts, mask, OPERATOR, recognised, setAdmin, setup, upload, verify } from './enterpriseHelpers'

const STANDARD = DEMO_LICENSES.STANDARD
const ZHOU = STANDARD.legalRep

describe('uploads', () => {
  test('chunks go up as base64; the file comes back with its kind from the bytes and its hash', async () => {
    const env = setup()
    const s = await verify(env, OPERATOR)
    const png = env.sb.dev.licenseSampleImage('STANDARD')
    expect(png.length).toBeGreaterThan(ENTERPRISE_RULES.CHUNK_SIZE) // more than one chunk
    const file = await upload(env, s.token, 'LICENSE', '营业执照.pdf', png) // named .pdf, is a PNG
    expect(file).toMatchObject({ purpose: 'LICENSE', kind: 'PNG', size: png.length, fileName: '营业执照.pdf', sha256: bytesToHex(sha256(png)) })
  })

  test('the declared size is checked at the start: 5 MB + 1 for a licence, 8 MB + 1 for a letter', async () => {
    const env = setup()
    const s = await verify(env, OPERATOR)
    await expectError(env.svc.startUpload({ session: s.token, purpose: 'LICENSE', fileName: 'a.png', size: 5 * MB + 1 }), 'FILE_TOO_LARGE')
    await expect(env.svc.startUpload({ session: s.token, purpose: 'LETTER', fileName: 'a.pdf', size: 8 * MB })).resolves.toMatchObject({ chunkCount: 64 })
    const e = await expectError(env.svc.startUpload({ session: s.token, purpose: 'LETTER', fileName: 'a.pdf', size: 8 * MB + 1 }), 'FILE_TOO_LARGE')
    expect(e.details.maxBytes).toBe(8 * MB)
    await expectError(env.svc.startUpload({ session: s.token, purpose: 'LETTER', fileName: 'a.pdf', size: 0 }), 'FILE_DAMAGED')
  })

  test('the server checks the bytes again: a PDF is no licence photo, a cut-off PNG is damaged', async () => {
    const env = setup()
    const s = await verify(env, OPERATOR)
    const pdf = letterTemplatePdf({ enterpriseName: '某公司', creditCode: STANDARD.fields.creditCode, legalRepresentative: '周明远', adminName: '李四' })
    const e = await expectError(upload(env, s.token, 'LICENSE', 'license.png', pdf), 'FILE_TYPE_NOT_ALLOWED')
    expect(e.message).toContain('PNG、JPG')
    await expect(upload(env, s.token, 'LETTER', 'letter.pdf', pdf)).resolves.toMatchObject({ kind: 'PDF' })
    const png = env.sb.dev.licenseSampleImage('STANDARD')
    await expectError(upload(env, s.token, 'LICENSE', 'cut.png', png.subarray(0, png.length - 20)), 'FILE_DAMAGED')
  })

  test('chunks must come in order, of the declared sizes; a repeated last chunk is harmless; finishing early is refused', async () => {
    const env = setup()
    const s = await verify(env, OPERATOR)
    const png = env.sb.dev.licenseSampleImage('STANDARD')
    const t = await env.svc.startUpload({ session: s.token, purpose: 'LICENSE', fileName: 'x.png', size: png.length })
    const part = (i: number) => bytesToBase64(png.subarray(i * t.chunkSize, (i + 1) * t.chunkSize))
    await expectError(env.svc.uploadChunk({ session: s.token, uploadId: t.uploadId, index: 1, data: part(1) }), 'UPLOAD_INCOMPLETE')
    await env.svc.uploadChunk({ session: s.token, uploadId: t.uploadId, index: 0, data: part(0) })
    await env.svc.uploadChunk({ session: s.token, uploadId: t.uploadId, index: 0, data: part(0) }) // network retry
    await expectError(env.svc.finishUpload({ session: s.token, uploadId: t.uploadId }), 'UPLOAD_INCOMPLETE')
    await expectError(env.svc.uploadChunk({ session: s.token, uploadId: t.uploadId, index: 1, data: 'not base64!' }), 'INVALID_INPUT')
    const tooMuch = bytesToBase64(new Uint8Array(t.chunkSize + 1))
    await expectError(env.svc.uploadChunk({ session: s.token, uploadId: t.uploadId, index: 1, data: tooMuch }), 'FILE_TOO_LARGE')
    for (let i = 1; i < t.chunkCount; i++) await env.svc.uploadChunk({ session: s.token, uploadId: t.uploadId, index: i, data: part(i) })
    await expect(env.svc.finishUpload({ session: s.token, uploadId: t.uploadId })).resolves.toMatchObject({ kind: 'PNG' })
    // Finished uploads are gone.
    await expectError(env.svc.finishUpload({ session: s.token, uploadId: t.uploadId }), 'UPLOAD_NOT_FOUND')
  })

  test('an upload expires after 30 minutes and belongs to its person', async () => {
    const env = setup()
    const s = await verify(env, OPERATOR)
    const other = await verify(env, ADMIN)
    const t = await env.svc.startUpload({ session: s.token, purpose: 'LICENSE', fileName: 'x.png', size: 10 })
    await expectError(
      env.svc.uploadChunk({ session: other.token, uploadId: t.uploadId, index: 0, data: bytesToBase64(new Uint8Array(10)) }),
      'UPLOAD_NOT_FOUND'
    )
    env.advance(ENTERPRISE_RULES.UPLOAD_TTL_MS)
    await expectError(env.svc.uploadChunk({ session: s.token, uploadId: t.uploadId, index: 0, data: bytesToBase64(new Uint8Array(10)) }), 'UPLOAD_NOT_FOUND')
  })

  test('uploads need a session', async () => {
    const env = setup()
    await expectError(env.svc.startUpload({ session: 'nope', purpose: 'LICENSE', fileName: 'x.png', size: 10 }), 'SESSION_INVALID')
  })
})

describe('OCR of the business licence', () => {
  test('a clear demo licence reads every field with high confidence', async () => {
    const { app } = await recognised(setup(), 'STANDARD')
    expect(app.status).toBe('DRAFT')
    const f = app.ocr!.fields
    expect(f.name).toMatchObject({ value: '北京墨印科技有限公司', lowConfidence: false })
    expect(f.creditCode).toMatchObject({ value: '91110108MA01W8KX3J', lowConfidence: false })
    expect(f.legalRepresentative.value).toBe('周明远')
    expect(f.orgKind.value).toBe('ENTERPRISE')
    expect(f.address.value).toContain('中关村大街')
    expect(f.registeredOn.value).toBe('2019-05-16')
    expect(f.validUntil.value).toBe('长期')
    for (const x of Object.values(f)) expect(x.confidence).toBeGreaterThanOrEqual(0.8)
  })

  test('low-confidence fields are flagged; the misread code is refused at confirm; the corrected one passes', async () => {
    const { env, session, app } = await recognised(setup(), 'LOW_CONFIDENCE')
    const f = app.ocr!.fields
    expect(f.creditCode).toMatchObject({ value: '91510104MA6C02LJ9P', lowConfidence: true })
    expect(f.creditCode.confidence).toBeLessThan(0.8)
    expect(f.address.lowConfidence).toBe(true)
    expect(f.name.lowConfidence).toBe(false)
    const asRead = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]))
    const e = await expectError(env.svc.confirmLicense({ session, applicationId: app.applicationId, license: asRead as never }), 'INVALID_INPUT')
    expect(e.details.field).toBe('creditCode')
    expect(e.message).toContain('校验位')
    const ok = await env.svc.confirmLicense({ session, applicationId: app.applicationId, license: { ...asRead, creditCode: '91510104MA6CQ2LJ9P' } as never })
    expect(ok.status).toBe('LICENSE_CONFIRMED')
    expect(ok.license?.creditCode).toBe('91510104MA6CQ2LJ9P')
  })

  test.each([
    ['BLURRED', '模糊'],
    ['NOT_LICENSE', '未在图片中识别到营业执照']
  ] as const)('a %s picture fails OCR and asks for a retake; a good retake then works', async (key, words) => {
    const env = setup()
    const s = await verify(env, OPERATOR)
    const app = await env.svc.createEnterpriseApplication({ session: s.token })
    const bad = await upload(env, s.token, 'LICENSE', 'bad.png', env.sb.dev.licenseSampleImage(key))
    const e = await expectError(env.svc.recognizeLicense({ session: s.token, applicationId: app.applicationId, fileId: bad.fileId }), 'OCR_FAILED')
    expect(e.details.reason).toBe(key)
    expect(e.message).toContain(words)
    const good = await upload(env, s.token, 'LICENSE', 'good.png', env.sb.dev.licenseSampleImage('STANDARD'))
    const after = await env.svc.recognizeLicense({ session: s.token, applicationId: app.applicationId, fileId: good.fileId })
    expect(after.ocr?.fields.name.value).toBe('北京墨印科技有限公司')
  })

  test('a picture without a marker is read by the hash of its bytes, always the same way', async () => {
    const env = setup()
    const s = await verify(env, OPERATOR)
    const app = await env.svc.createEnterpriseApplication({ session: s.token })
    const outcomes = new Set<string>()
    for (let v = 0; v < 24; v++) {
      const bytes = encodePng({
        width: 4,
        height: 4,
        format: 'gray1',
        pixels: Uint8Array.from({ length: 16 }, (_, i) => (i * v) & 1),
        text: [{ keyword: 'v', text: String(v) }]
      })
      const expected = readLicense({ marker: null, sha256: bytesToHex(sha256(bytes)) })
      const file = await upload(env, s.token, 'LICENSE', `p${v}.png`, bytes)
      const got = await env.svc.recognizeLicense({ session: s.token, applicationId: app.applicationId, fileId: file.fileId }).then(
        (a) => `ok:${a.ocr!.fields.name.value}`,
        (e) => `fail:${e.details.reason}`
      )
      expect(got).toBe(expected.ok ? `ok:${expected.license.fields.name}` : `fail:${expected.failure}`)
      outcomes.add(got.split(':')[0])
    }
    expect(outcomes).toEqual(new Set(['ok', 'fail'])) // both kinds occur
    expect(PICKABLE_SAMPLES).not.toContain('VERIFIED')
  })

  test('the marker is found in a JPEG comment too', () => {
    const marker = Array.from('INKSEAL-DEMO:LICENSE:GOVERNMENT', (c) => c.charCodeAt(0))
    const jpg = Uint8Array.from([0xff, 0xd8, 0xff, 0xfe, 0, marker.length + 2, ...marker, 0xff, 0xd9])
    expect(findDemoMarker(jpg)).toBe('LICENSE:GOVERNMENT')
    expect(readLicense({ marker: 'LICENSE:GOVERNMENT', sha256: '00' }).ok).toBe(true)
    expect(readLicense({ marker: 'LETTER:SIGNED', sha256: '00' })).toEqual({ ok: false, failure: 'NOT_LICENSE' })
  })
})

describe('confirming the licence and the administrator', () => {
  test('the confirm step refuses a code that fails GB 32100, names the field, and keeps the state', async () => {
    const { env, session, app } = await recognised(setup(), 'STANDARD')
    const e = await expectError(
      env.svc.confirmLicense({ session, applicationId: app.applicationId, license: { ...fieldsOf('STANDARD'), creditCode: '91350100M000100Y4Z' } as never }),
      'INVALID_INPUT'
    )
    expect(e.details.field).toBe('creditCode')
    expect((await env.svc.getEnterpriseApplication({ session, applicationId: app.applicationId })).status).toBe('DRAFT')
  })

  test('fields that contradict the registry for a known code are refused', async () => {
    const { env, session, app } = await recognised(setup(), 'STANDARD')
    const e = await expectError(
      env.svc.confirmLicense({ session, applicationId: app.applicationId, license: { ...fieldsOf('STANDARD'), legalRepresentative: '周明' } as never }),
      'LICENSE_MISMATCH'
    )
    expect(e.details.field).toBe('legalRepresentative')
  })

  test('an enterprise that is already verified cannot be onboarded again', async () => {
    const { env, session, app } = await recognised(setup(), 'VERIFIED')
    const e = await expectError(
      env.svc.confirmLicense({ session, applicationId: app.applicationId, license: fieldsOf('VERIFIED') as never }),
      'ENTERPRISE_ALREADY_VERIFIED'
    )
    expect(e.message).toContain('杭州星河数字科技有限公司已完成企业认证')
  })

  test('the administrator is validated and shown masked; steps cannot be skipped', async () => {
    const { env, session, app } = await recognised(setup(), 'STANDARD')
    await expectError(env.svc.sendAdminCode({ session, applicationId: app.applicationId, admin: ADMIN }), 'APPLICATION_STATE')
    await expectError(env.svc.setAdministrator({ session, applicationId: app.applicationId, admin: ADMIN, smsCode: '123456' }), 'APPLICATION_STATE')
    await env.svc.confirmLicense({ session, applicationId: app.applicationId, license: fieldsOf('STANDARD') as never })
    const bad = await expectError(
      env.svc.sendAdminCode({ session, applicationId: app.applicationId, admin: { ...ADMIN, idNumber: '330106199108170021' } }),
      'INVALID_INPUT'
    )
    expect(bad.details.field).toBe('idNumber')
    const done = await setAdmin(env, session, app.applicationId)
    expect(done.status).toBe('ADMIN_SET')
    expect(done.admin).toEqual({ maskedName: '赵*', maskedId: '3301**********002X', maskedMobile: '188****0002', isOperator: false })
    expect(done.allowedMethods).toEqual(['LEGAL_REP', 'LETTER'])
    expect(done.operatorIsLegalRep).toBe(false)
  })

  test('another person cannot read or change the application', async () => {
    const { env, app } = await recognised(setup(), 'STANDARD')
    const other = await verify(env, ADMIN)
    await expectError(env.svc.getEnterpriseApplication({ session: other.token, applicationId: app.applicationId }), 'FORBIDDEN')
    await expectError(env.svc.getEnterpriseApplication({ session: other.token, applicationId: 'ZZZZZZZZ' }), 'APPLICATION_NOT_FOUND')
  })
})

describe('authorization by letter', () => {
  test('the template is a PDF filled in with the enterprise and the administrator', async () => {
    const { env, session, app } = await adminSet(setup(), 'STANDARD')
    const tpl = await env.svc.getLetterTemplate({ session, applicationId: app.applicationId })
    expect(tpl.fileName).toBe('企业超级管理员授权书.pdf')
    const pdf = base64ToBytes(tpl.base64)!
    expect(String.fromCharCode(...pdf.subarray(0, 5))).toBe('%PDF-')
    expect(tpl.lines.join('')).toContain('北京墨印科技有限公司')
    expect(tpl.lines.join('')).toContain('兹授权 赵敏')
  })

  test('a licence file cannot be submitted as the letter', async () => {
    const { env, session, app } = await adminSet(setup(), 'STANDARD')
    await expectError(env.svc.submitAuthorizationLetter({ session, applicationId: app.applicationId, fileId: app.ocr!.fileId }), 'UPLOAD_NOT_FOUND')
  })

  test('government and party organisations may only use the letter', async () => {
    const { env, session, app } = await adminSet(setup(), 'GOVERNMENT')
    expect(app.license?.orgKind).toBe('GOVERNMENT')
    expect(app.allowedMethods).toEqual(['LETTER'])
    const rep = DEMO_LICENSES.GOVERNMENT.legalRep
    const e = await expectError(
      env.svc.requestLegalRepAuthorization({
        session,
        applicationId: app.applicationId,
        creditCode: DEMO_LICENSES.GOVERNMENT.fields.creditCode,
        legalRep: rep
      }),
      'METHOD_NOT_ALLOWED'
    )
    expect(e.message).toContain('党政机关只能通过上传授权书')
    // Even when the operator is its head.
    const env2 = setup()
    const own = await adminSet(env2, 'GOVERNMENT', rep)
    expect(own.app.operatorIsLegalRep).toBe(true)
    expect(own.app.allowedMethods).toEqual(['LETTER'])
    await expectError(env2.svc.sendLegalRepCode({ session: own.session, applicationId: own.app.applicationId }), 'METHOD_NOT_ALLOWED')
  })

  test('other organisations (其他组织) may only use the letter too, and are told so', async () => {
    const { env, session, app } = await adminSet(setup(), 'OTHER_ORG')
    expect(app.license?.orgKind).toBe('OTHER')
    expect(app.allowedMethods).toEqual(['LETTER'])
    const e = await expectError(
      env.svc.requestLegalRepAuthorization({
        session,
        applicationId: app.applicationId,
        creditCode: DEMO_LICENSES.OTHER_ORG.fields.creditCode,
        legalRep: DEMO_LICENSES.OTHER_ORG.legalRep
      }),
      'METHOD_NOT_ALLOWED'
    )
    expect(e.message).toBe('其他组织只能通过上传授权书完成授权')
  })
})

describe('authorization by the legal representative', () => {
  async function requested(key: 'STANDARD' | 'INDIVIDUAL' = 'STANDARD') {
    const f = await adminSet(setup(), key)
    const rep = DEMO_LICENSES[key].legalRep
    const app = await f.env.svc.requestLegalRepAuthorization({
      session: f.session,
      applicationId: f.app.applicationId,
      creditCode: DEMO_LICENSES[key].fields.creditCode,
      legalRep: rep
    })
    return { ...f, app, rep }
  }

  test.each([
    ['creditCode', { creditCode: '91510104MA6CQ2LJ9P' }, '统一社会信用代码与营业执照不一致'],
    ['legalRepName', { name: '周明' }, '法定代表人姓名与营业执照不一致'],
    ['legalRepIdNumber', { idNumber: '110105199003070017' }, '身份证号与工商登记信息不一致']
  ])('the operator’s details must agree with the licence (%s)', async (field, change, words) => {
    const { env, session, app } = await adminSet(setup(), 'STANDARD')
    const { creditCode, ...rep } = { creditCode: STANDARD.fields.creditCode, ...ZHOU, ...change }
    const e = await expectError(
      env.svc.requestLegalRepAuthorization({ session, applicationId: app.applicationId, creditCode, legalRep: rep }),
      'LEGAL_REP_MISMATCH'
    )
    expect(e.details.field).toBe(field)
    expect(e.message).toContain(words)
    expect((await env.svc.getEnterpriseApplication({ session, applicationId: app.applicationId })).status).toBe('ADMIN_SET')
  })

  test('an invalid ID or mobile for the legal representative is refused as input', async () => {
    const { env, session, app } = await adminSet(setup(), 'STANDARD')
    const e = await expectError(
      env.svc.requestLegalRepAuthorization({
        session,
        applicationId: app.applicationId,
        creditCode: STANDARD.fields.creditCode,
        legalRep: { ...ZHOU, mobile: '12345' }
      }),
      'INVALID_INPUT'
    )
    expect(e.details.field).toBe('legalRepMobile')
  })

  test('the SMS carries a type L link (masked recipient); the legal representative verifies, reads, confirms; the operator sees ACTIVATED', async () => {
    const { env, session, app, rep } = await requested()
    expect(app.status).toBe('LEGAL_REP_PENDING')
    expect(app.legalRep).toMatchObject({ maskedName: '周**', maskedMobile: '137****2345', outcome: 'PENDING' })
    const sms = env.sb.dev.listSmsOutbox()[0]
    expect(sms.to).toBe('137****2345')
    expect(sms.text).toContain(app.legalRep!.link!)
    const parsed = parseEntry(app.legalRep!.link, { allowedHosts: ['sign.inkseal.cn'], now: env.clock.t })
    expect(parsed.ok && parsed.payload).toMatchObject({ type: 'L', id: app.applicationId })

    const { applicationId, linkToken } = linkParts(app)
    const info = await env.svc.resolveLegalRepLink({ applicationId, linkToken })
    expect(info).toMatchObject({ enterpriseName: '北京墨印科技有限公司', legalRepMaskedName: '周**', operatorMaskedName: '李*', outcome: 'PENDING' })

    const zs = await verify(env, rep)
    const req = await env.svc.openLegalRepRequest({ session: zs.token, applicationId, linkToken })
    expect(req.admin).toMatchObject({ maskedName: '赵*', maskedMobile: '188****0002' })
    expect(req.scope.length).toBeGreaterThan(0)
    expect(req.creditCode).toBe(STANDARD.fields.creditCode)

    const ticket = await env.svc.sendLegalRepCode({ session: zs.token, applicationId, linkToken })
    expect(ticket.sentTo).toBe(mask(rep.mobile))
    const code = codeFor(env, mask(rep.mobile))
    const wrong = code === '000000' ? '111111' : '000000'
    await expectError(env.svc.confirmLegalRepAuthorization({ session: zs.token, applicationId, linkToken, smsCode: wrong }), 'SMS_CODE_WRONG')
    const done = await env.svc.confirmLegalRepAuthorization({ session: zs.token, applicationId, linkToken, smsCode: code })
    expect(done.outcome).toBe('CONFIRMED')

    const seen = await env.svc.getEnterpriseApplication({ session, applicationId })
    expect(seen.status).toBe('ACTIVATED')
    expect(seen.legalRep?.outcome).toBe('CONFIRMED')
    expect(seen.legalRep?.link).toBeNull()
    expect(env.sb.dev.listSmsOutbox()[0]).toMatchObject({ to: '139****9000', text: expect.stringContaining('企业认证已通过') })
    // Used: the code and the decision cannot be replayed.
    await expectError(env.svc.confirmLegalRepAuthorization({ session: zs.token, applicationId, linkToken, smsCode: code }), 'AUTHORIZATION_DECIDED')
    // The enterprise is now verified: nobody can onboard it again.
    const again = await recognised(env, 'STANDARD', ADMIN)
    await expectError(
      env.svc.confirmLicense({ session: again.session, applicationId: again.app.applicationId, license: fieldsOf('STANDARD') as never }),
      'ENTERPRISE_ALREADY_VERIFIED'
    )
  })

  test('the wrong person who opens the link is refused, told whom it is for (masked)', async () => {
    const { env, app } = await requested()
    const { applicationId, linkToken } = linkParts(app)
    const wu = await verify(env, DEMO_PEOPLE.WU_HAO)
    const e = await expectError(env.svc.openLegalRepRequest({ session: wu.token, applicationId, linkToken }), 'NOT_LEGAL_REPRESENTATIVE')
    expect(e.message).toContain('周**')
    expect(e.message).not.toContain('周明远')
    await expectError(env.svc.sendLegalRepCode({ session: wu.token, applicationId, linkToken }), 'NOT_LEGAL_REPRESENTATIVE')
    await expectError(env.svc.refuseLegalRepAuthorization({ session: wu.token, applicationId, linkToken }), 'NOT_LEGAL_REPRESENTATIVE')
    // Same name, another ID: still not them.
    const otherId = '11010819850612004' + residentIdCheckChar('11010819850612004')
    const namesake = await verify(env, { name: '周明远', idNumber: otherId, mobile: '13700000001' })
    await expectError(env.svc.openLegalRepRequest({ session: namesake.token, applicationId, linkToken }), 'NOT_LEGAL_REPRESENTATIVE')
  })

  test('the legal representative refuses: the operator sees REFUSED_BY_LEGAL_REP with the reason, and may ask again or switch to a letter', async () => {
    const { env, session, app, rep } = await requested()
    const { applicationId, linkToken } = linkParts(app)
    const zs = await verify(env, rep)
    const r = await env.svc.refuseLegalRepAuthorization({ session: zs.token, applicationId, linkToken, reason: '不认识该管理员' })
    expect(r.outcome).toBe('REFUSED')
    const seen = await env.svc.getEnterpriseApplication({ session, applicationId })
    expect(seen.status).toBe('REFUSED_BY_LEGAL_REP')
    expect(seen.legalRep).toMatchObject({ outcome: 'REFUSED', refuseReason: '不认识该管理员' })
    expect(env.sb.dev.listSmsOutbox()[0].to).toBe('139****9000')
    await expectError(env.svc.sendLegalRepCode({ session: zs.token, applicationId, linkToken }), 'AUTHORIZATION_DECIDED')
    // The link still says what happened.
    await expect(env.svc.resolveLegalRepLink({ applicationId, linkToken })).resolves.toMatchObject({ outcome: 'REFUSED' })
    // Asking again makes a new link; the old one is void.
    const again = await env.svc.requestLegalRepAuthorization({ session, applicationId, creditCode: STANDARD.fields.creditCode, legalRep: rep })
    expect(again.status).toBe('LEGAL_REP_PENDING')
    expect(linkParts(again).linkToken).not.toBe(linkToken)
    await expectError(env.svc.resolveLegalRepLink({ applicationId, linkToken }), 'LINK_INVALID')
  })

  test('the link expires after 24 hours (sandbox clock); a new one can be sent after 60 s, which voids the old one', async () => {
    const { env, session, app, rep } = await requested()
    const { applicationId, linkToken } = linkParts(app)
    await expectError(
      env.svc.requestLegalRepAuthorization({ session, applicationId, creditCode: STANDARD.fields.creditCode, legalRep: rep }),
      'SMS_TOO_FREQUENT'
    )
    env.advance(ENTERPRISE_RULES.LEGAL_REP_LINK_TTL_MS - 1)
    await expect(env.svc.resolveLegalRepLink({ applicationId, linkToken })).resolves.toMatchObject({ outcome: 'PENDING' })
    env.advance(1)
    const e = await expectError(env.svc.resolveLegalRepLink({ applicationId, linkToken }), 'LINK_EXPIRED')
    expect(e.details.expiredAt).toBe(app.legalRep!.linkExpiresAt)
    const zs = await verify(env, rep)
    await expectError(env.svc.openLegalRepRequest({ session: zs.token, applicationId, linkToken }), 'LINK_EXPIRED')
    // The operator's own session has expired meanwhile (2 h): they verify again.
    const operator = await verify(env, OPERATOR)
    await expectError(env.svc.getEnterpriseApplication({ session, applicationId }), 'SESSION_EXPIRED')
    const renewed = await env.svc.requestLegalRepAuthorization({
      session: operator.token,
      applicationId,
      creditCode: STANDARD.fields.creditCode,
      legalRep: rep
    })
    await expectError(env.svc.resolveLegalRepLink({ applicationId, linkToken }), 'LINK_INVALID')
    await expect(env.svc.resolveLegalRepLink(linkParts(renewed))).resolves.toMatchObject({ outcome: 'PENDING' })
  })

  test('a forged token or another application id opens nothing', async () => {
    const { env, app } = await requested()
    const { applicationId, linkToken } = linkParts(app)
    await expectError(env.svc.resolveLegalRepLink({ applicationId, linkToken: linkToken === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA' }), 'LINK_INVALID')
    await expectError(env.svc.resolveLegalRepLink({ applicationId: 'ZZZZZZZZ', linkToken }), 'LINK_INVALID')
    await expectError(env.svc.resolveLegalRepLink({ applicationId, linkToken: 'short' }), 'INVALID_INPUT')
  })

  test('changing the administrator voids a pending link', async () => {
    const { env, session, app } = await requested()
    const changed = await setAdmin(env, session, app.applicationId, OPERATOR)
    expect(changed.status).toBe('ADMIN_SET')
    expect(changed.admin?.isOperator).toBe(true)
    expect(changed.legalRep?.link).toBeNull()
    await expectError(env.svc.resolveLegalRepLink(linkParts(app)), 'LINK_INVALID')
  })

  test('switching to a letter voids the link', async () => {
    const { env, session, app } = await requested()
    const letter = await upload(env, session, 'LETTER', 'l.png', env.sb.dev.licenseSampleImage('LETTER'))
    await env.svc.submitAuthorizationLetter({ session, applicationId: app.applicationId, fileId: letter.fileId })
    await expectError(env.svc.resolveLegalRepLink(linkParts(app)), 'LINK_INVALID')
  })

  test('an operator who is the legal representative confirms with their own intent code', async () => {
    const env = setup()
    const f = await adminSet(env, 'INDIVIDUAL', DEMO_LICENSES.INDIVIDUAL.legalRep, DEMO_LICENSES.INDIVIDUAL.legalRep)
    expect(f.app.operatorIsLegalRep).toBe(true)
    expect(f.app.admin?.isOperator).toBe(true)
    expect(f.app.allowedMethods).toEqual(['SELF', 'LETTER'])
    await expectError(
      env.svc.requestLegalRepAuthorization({
        session: f.session,
        applicationId: f.app.applicationId,
        creditCode: DEMO_LICENSES.INDIVIDUAL.fields.creditCode,
        legalRep: DEMO_LICENSES.INDIVIDUAL.legalRep
      }),
      'METHOD_NOT_ALLOWED'
    )
    const ticket = await env.svc.sendLegalRepCode({ session: f.session, applicationId: f.app.applicationId })
    expect(ticket.sentTo).toBe('159****2233')
    const done = await env.svc.confirmLegalRepAuthorization({ session: f.session, applicationId: f.app.applicationId, smsCode: codeFor(env, '159****2233') })
    expect(done.outcome).toBe('CONFIRMED')
    const seen = await env.svc.getEnterpriseApplication({ session: f.session, applicationId: f.app.applicationId })
    expect(seen).toMatchObject({ status: 'ACTIVATED', method: 'SELF' })
  })

  test('an operator who is not the legal representative cannot confirm for them', async () => {
    const { env, session, app } = await adminSet(setup(), 'STANDARD')
    await expectError(env.svc.sendLegalRepCode({ session, applicationId: app.applicationId }), 'METHOD_NOT_ALLOWED')
  })

  test('the intent code follows the core SMS rules (60 s between codes)', async () => {
    const { env, app, rep } = await requested()
    const { applicationId, linkToken } = linkParts(app)
    const zs = await verify(env, rep)
    await env.svc.sendLegalRepCode({ session: zs.token, applicationId, linkToken })
    await expectError(env.svc.sendLegalRepCode({ session: zs.token, applicationId, linkToken }), 'SMS_TOO_FREQUENT')
    env.advance(RULES.SMS_RESEND_MS)
    await expect(env.svc.sendLegalRepCode({ session: zs.token, applicationId, linkToken })).resolves.toMatchObject({ sentTo: '137****2345' })
    expect(ENTERPRISE_RULES.SMS_CODE_TTL_MS).toBe(RULES.SMS_CODE_TTL_MS)
  })
})

describe('persistence and private data', () => {
  test('the application survives a restart of the sandbox on the same storage', async () => {
    const env = setup()
    const f = await adminSet(env, 'STANDARD')
    const env2 = setup({ storage: env.storage })
    env2.clock.t = env.clock.t
    const app = await env2.svc.getEnterpriseApplication({ session: f.session, applicationId: f.app.applicationId })
    expect(app.status).toBe('ADMIN_SET')
    expect(app.license?.name).toBe('北京墨印科技有限公司')
  })

  test('persisted state holds no full ID or mobile number and no file bytes', async () => {
    const env = setup()
    const f = await adminSet(env, 'STANDARD')
    await env.svc.requestLegalRepAuthorization({
      session: f.session,
      applicationId: f.app.applicationId,
      creditCode: STANDARD.fields.creditCode,
      legalRep: ZHOU
    })
    const letterBytes = env.sb.dev.licenseSampleImage('LETTER')
    await upload(env, f.session, 'LETTER', 'l.png', letterBytes)
    const json = env.storage.get(SANDBOX_STORAGE_KEY)!
    for (const secret of [OPERATOR.idNumber, OPERATOR.mobile, ADMIN.idNumber, ADMIN.mobile, ZHOU.idNumber, ZHOU.mobile]) {
      expect(json).not.toContain(secret)
    }
    expect(json).not.toContain(bytesToBase64(letterBytes.subarray(0, 300)))
    expect(json.length).toBeLessThan(60_000) // two licence-sized uploads, metadata only
    const state = JSON.parse(json)
    expect(Object.keys(state.modules.enterprise.files)).toHaveLength(2)
  })

  test('views carry masked data only', async () => {
    const env = setup()
    const f = await adminSet(env, 'STANDARD')
    const app = await env.svc.requestLegalRepAuthorization({
      session: f.session,
      applicationId: f.app.applicationId,
      creditCode: STANDARD.fields.creditCode,
      legalRep: ZHOU
    })
    const text = JSON.stringify(app)
    for (const secret of [ADMIN.idNumber, ADMIN.mobile, ZHOU.idNumber, ZHOU.mobile, OPERATOR.mobile]) expect(text).not.toContain(secret)
  })

  test('cancelling ends the application and voids the link', async () => {
    const env = setup()
    const f = await adminSet(env, 'STANDARD')
    const app = await env.svc.requestLegalRepAuthorization({
      session: f.session,
      applicationId: f.app.applicationId,
      creditCode: STANDARD.fields.creditCode,
      legalRep: ZHOU
    })
    const c = await env.svc.cancelEnterpriseApplication({ session: f.session, applicationId: app.applicationId })
    expect(c.status).toBe('CANCELLED')
    await expectError(env.svc.resolveLegalRepLink(linkParts(app)), 'LINK_INVALID')
    await expectError(env.svc.cancelEnterpriseApplication({ session: f.session, applicationId: app.applicationId }), 'APPLICATION_STATE')
  })
})
