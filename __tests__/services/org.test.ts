/**
 * Enterprise management after activation (sandbox/org, docs/org.md): the super administrator's
 * seals and members, and an authorised employee sealing a contract with the new seal.
 */
import { execFileSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { base64ToBytes } from '@/domain/base64'
import type { InkSealService, SubmitValue } from '@/services/types'
import { fillEveryField } from '@sandbox/signing/demoValues'
import { serviceFor } from '../stores/helpers'
import { activated, ADMIN, EMPLOYEE, expectError, memberId, OTHER, sealId, setup as setupSandbox, STANDARD, verify, type Env, type Person } from './orgHelpers'
import { makePng, svgOf } from './signing.helpers'

jest.setTimeout(60_000)

const NAME = STANDARD.fields.name

/** The sandbox, or the HTTP client in front of it (org.http.test.ts). */
const setup = (opts: Parameters<typeof setupSandbox>[0] = {}) => setupSandbox({ ...opts, wrap: (sb) => serviceFor(sb) })

async function withSeal(env: Env) {
  const a = await activated(env)
  const org = await env.svc.createOrgSeal({ session: a.admin, creditCode: a.creditCode, sealType: 'CONTRACT' })
  return { ...a, org, contractSeal: sealId(org, '合同专用章') }
}

/** The member verifies, opens the dev contract's link and reads it through. */
async function openContract(env: Env, who: Person, payload: string) {
  const [, , flowId, linkToken] = payload.split('.')
  env.advance(61_000)
  const s = await verify(env, who)
  const o = await env.svc.joinFlow({ session: s.token, flowId, linkToken })
  const signerId = o.mySignerId!
  const contract = await env.svc.getContract({ session: s.token, flowId })
  for (let from = 0; from < contract.pageCount; from += 10) await env.svc.getContractPages({ session: s.token, flowId, from, count: 10 })
  return { session: s.token, flowId, signerId, contract }
}

async function faceToken(svc: InkSealService, session: string, flowId: string): Promise<string> {
  const ch = await svc.startIntent({ session, flowId, method: 'FACE' })
  const g = await svc.confirmIntent({
    session,
    flowId,
    challengeId: ch.challengeId,
    capture: { source: 'simulated', frames: 24, action: ch.faceAction!, completed: true }
  })
  return g.intentToken
}

function values(c: Awaited<ReturnType<typeof openContract>>, seal: string): SubmitValue[] {
  return fillEveryField(c.contract, c.signerId, { png: makePng(120, 48, 1), sealId: seal })
}

describe('the activated enterprise', () => {
  test('its super administrator (named at onboarding) is its first member; others cannot see it', async () => {
    const env = setup()
    const a = await activated(env)
    const list = await env.svc.listMyOrgs({ session: a.admin })
    expect(list).toEqual([expect.objectContaining({ creditCode: a.creditCode, name: NAME, myRole: 'SUPER_ADMIN', memberCount: 1, sealCount: 0 })])
    const org = await env.svc.getOrg({ session: a.admin, creditCode: a.creditCode })
    expect(org.members).toEqual([expect.objectContaining({ maskedName: '赵*', role: 'SUPER_ADMIN', isMe: true })])
    // the operator (李四) is not a member
    expect(await env.svc.listMyOrgs({ session: a.operator })).toEqual([])
    const e = await expectError(env.svc.getOrg({ session: a.operator, creditCode: a.creditCode }), 'FORBIDDEN')
    expect(e.message).toBe('您不是该企业的成员，无权查看企业管理')
    await expectError(env.svc.getOrg({ session: a.admin, creditCode: '91330106MA2H8QXL4C' }), 'ORG_NOT_FOUND')
  })

  test('seals are drawn from the registered name; one 公章; purpose for special seals; enable and disable', async () => {
    const env = setup()
    const a = await activated(env)
    let org = await env.svc.createOrgSeal({ session: a.admin, creditCode: a.creditCode, sealType: 'CONTRACT' })
    org = await env.svc.createOrgSeal({ session: a.admin, creditCode: a.creditCode, sealType: 'OFFICIAL' })
    expect(org.seals.map((s) => [s.typeLabel, s.spec.text, s.spec.purpose, s.enabled])).toEqual([
      ['合同专用章', NAME, '合同专用章', true],
      ['公章', NAME, '', true]
    ])
    const second = await expectError(env.svc.createOrgSeal({ session: a.admin, creditCode: a.creditCode, sealType: 'OFFICIAL' }), 'ORG_SEAL_LIMIT')
    expect(second.message).toBe('企业只能有一枚公章，已有公章不能重复创建')
    const again = await expectError(env.svc.createOrgSeal({ session: a.admin, creditCode: a.creditCode, sealType: 'CONTRACT' }), 'ORG_SEAL_LIMIT')
    expect(again.message).toBe('企业已有合同专用章，每类专用章只能创建一枚')
    await expectError(env.svc.createOrgSeal({ session: a.admin, creditCode: a.creditCode, sealType: 'STAMP' as never }), 'INVALID_INPUT')
    org = await env.svc.setOrgSealEnabled({ session: a.admin, creditCode: a.creditCode, sealId: sealId(org, '公章'), enabled: false })
    expect(org.seals.find((s) => s.typeLabel === '公章')!.enabled).toBe(false)
    expect((await env.svc.listMyOrgs({ session: a.admin }))[0].sealCount).toBe(2)
  })

  test('the administrator adds employees, checked like real-name verification', async () => {
    const env = setup()
    const a = await activated(env)
    const add = (member: Person) => env.svc.addOrgMember({ session: a.admin, creditCode: a.creditCode, member })
    const bad = await expectError(add({ ...EMPLOYEE, idNumber: '110105199003070018' }), 'INVALID_INPUT')
    expect(bad.details.field).toBe('idNumber')
    await expectError(add({ ...EMPLOYEE, mobile: '1381000' }), 'INVALID_INPUT')
    const mismatch = await expectError(add({ ...EMPLOYEE, name: '张四' }), 'REGISTRY_MISMATCH')
    expect(mismatch.message).toBe('姓名与身份证号不一致，请核对后重试')
    const org = await add(EMPLOYEE)
    expect(org.members.map((m) => [m.maskedName, m.role, m.maskedId, m.maskedMobile])).toEqual([
      ['赵*', 'SUPER_ADMIN', expect.any(String), '188****0002'],
      ['张*', 'EMPLOYEE', '1101**********0017', '138****8000']
    ])
    const dup = await expectError(add(EMPLOYEE), 'ORG_MEMBER_EXISTS')
    expect(dup.message).toBe('张*已是企业成员，无需重复添加')
    await expectError(add(ADMIN), 'ORG_MEMBER_EXISTS')
    // no full numbers in the persisted state
    const raw = env.storage.get('inkseal.sandbox.v1') ?? ''
    expect(raw).not.toContain(EMPLOYEE.idNumber)
    expect(raw).not.toContain(EMPLOYEE.mobile)
  })

  test('only the super administrator manages seals and members', async () => {
    const env = setup()
    const a = await activated(env)
    let org = await env.svc.createOrgSeal({ session: a.admin, creditCode: a.creditCode, sealType: 'CONTRACT' })
    org = await env.svc.addOrgMember({ session: a.admin, creditCode: a.creditCode, member: EMPLOYEE })
    env.advance(61_000)
    const emp = (await verify(env, EMPLOYEE)).token
    const seen = await env.svc.getOrg({ session: emp, creditCode: a.creditCode })
    expect(seen.myRole).toBe('EMPLOYEE')
    const e = await expectError(env.svc.createOrgSeal({ session: emp, creditCode: a.creditCode, sealType: 'FINANCE' }), 'ORG_NOT_ADMIN')
    expect(e.message).toBe('只有企业超级管理员可以创建印章')
    const seal = sealId(org, '合同专用章')
    const me = memberId(org, '张*')
    await expectError(env.svc.grantOrgSeal({ session: emp, creditCode: a.creditCode, sealId: seal, memberId: me }), 'ORG_NOT_ADMIN')
    await expectError(env.svc.setOrgSealEnabled({ session: emp, creditCode: a.creditCode, sealId: seal, enabled: false }), 'ORG_NOT_ADMIN')
    await expectError(env.svc.addOrgMember({ session: emp, creditCode: a.creditCode, member: OTHER }), 'ORG_NOT_ADMIN')
    await expectError(env.svc.grantOrgSeal({ session: a.admin, creditCode: a.creditCode, sealId: 'ORG-NOPE', memberId: me }), 'ORG_SEAL_NOT_FOUND')
    await expectError(env.svc.grantOrgSeal({ session: a.admin, creditCode: a.creditCode, sealId: seal, memberId: 'MNOPE' }), 'ORG_MEMBER_NOT_FOUND')
  })
})

describe('sealing a contract with the new seal', () => {
  test('an authorised employee seals; the page image and the PDF of record carry the seal; the flow completes', async () => {
    const env = setup()
    const s = await withSeal(env)
    let org = await env.svc.addOrgMember({ session: s.admin, creditCode: s.creditCode, member: EMPLOYEE })
    const emp = memberId(org, '张*')
    const made = await env.sb.dev.createOrgContract({ creditCode: s.creditCode, memberId: emp })
    expect(made.link).toContain(made.payload)
    const c = await openContract(env, EMPLOYEE, made.payload)

    // not yet authorised: no seal, and the hint says whom to ask
    let mine = await env.svc.listMySeals({ session: c.session, flowId: c.flowId, signerId: c.signerId })
    expect(mine.seals).toEqual([])
    expect(mine.hint).toContain('请联系企业管理员为您授权')
    const token0 = await faceToken(env.svc, c.session, c.flowId)
    const refused = await expectError(
      env.svc.submitSigning({
        session: c.session,
        flowId: c.flowId,
        signerId: c.signerId,
        intentToken: token0,
        idempotencyKey: 'org-seal-0',
        values: values(c, s.contractSeal)
      }),
      'SEAL_NOT_AUTHORIZED'
    )
    expect(refused.message).toBe(`您未获授权使用${NAME}的合同专用章，请联系企业管理员授权`)

    org = await env.svc.grantOrgSeal({ session: s.admin, creditCode: s.creditCode, sealId: s.contractSeal, memberId: emp })
    expect(org.seals[0].authorised).toEqual([emp])
    mine = await env.svc.listMySeals({ session: c.session, flowId: c.flowId, signerId: c.signerId })
    expect(mine.seals.map((x) => [x.sealId, x.typeLabel, x.enterpriseName, x.spec.text, x.spec.purpose])).toEqual([
      [s.contractSeal, '合同专用章', NAME, NAME, '合同专用章']
    ])
    expect(mine.unfillable).toEqual([])
    expect(svgOf(mine.seals[0].image)).toContain('合同专用章')

    const before = await env.svc.getContractDocument({ session: c.session, flowId: c.flowId })
    const token = await faceToken(env.svc, c.session, c.flowId)
    const done = await env.svc.submitSigning({
      session: c.session,
      flowId: c.flowId,
      signerId: c.signerId,
      intentToken: token,
      idempotencyKey: 'org-seal-1',
      values: values(c, s.contractSeal)
    })
    expect(done.flowStatus).toBe('COMPLETED')
    const after = await env.svc.getContract({ session: c.session, flowId: c.flowId })
    expect(after.fields.find((f) => f.type === 'SIGN_SEAL')!.filled!.display).toBe('合同专用章')
    const last = await env.svc.getContractPages({ session: c.session, flowId: c.flowId, from: after.pageCount - 1, count: 1 })
    const svg = svgOf(last.pages[0].src)
    expect(svg).toContain('合同专用章')

    // the PDF of record draws the seal (its purpose text is there now, not in the preview before)
    const doc = await env.svc.getContractDocument({ session: c.session, flowId: c.flowId })
    expect(doc.signed).toBe(true)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-org-'))
    const text = (b64: string, name: string) => {
      const f = path.join(dir, name)
      fs.writeFileSync(f, base64ToBytes(b64)!)
      return execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' })
    }
    expect(text(before.pdfBase64, 'before.pdf')).not.toContain('合同专用章')
    expect(text(doc.pdfBase64, 'after.pdf')).toContain('合同专用章')
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('refused: an employee not authorised, a disabled seal, a revoked authorisation', async () => {
    const env = setup()
    const s = await withSeal(env)
    await env.svc.addOrgMember({ session: s.admin, creditCode: s.creditCode, member: EMPLOYEE })
    let org = await env.svc.addOrgMember({ session: s.admin, creditCode: s.creditCode, member: OTHER })
    const emp = memberId(org, '张*')
    const other = memberId(org, '陈*')
    org = await env.svc.grantOrgSeal({ session: s.admin, creditCode: s.creditCode, sealId: s.contractSeal, memberId: emp })

    // 陈晨 is a member but not authorised: the seal is not hers to use
    const forOther = await env.sb.dev.createOrgContract({ creditCode: s.creditCode, memberId: other })
    const co = await openContract(env, OTHER, forOther.payload)
    expect((await env.svc.listMySeals({ session: co.session, flowId: co.flowId, signerId: co.signerId })).seals).toEqual([])
    await expectError(
      env.svc.submitSigning({
        session: co.session,
        flowId: co.flowId,
        signerId: co.signerId,
        intentToken: await faceToken(env.svc, co.session, co.flowId),
        idempotencyKey: 'org-other-1',
        values: values(co, s.contractSeal)
      }),
      'SEAL_NOT_AUTHORIZED'
    )

    // disabled: gone from 张三's list, and refused with its own message
    const made = await env.sb.dev.createOrgContract({ creditCode: s.creditCode, memberId: emp })
    const c = await openContract(env, EMPLOYEE, made.payload)
    await env.svc.setOrgSealEnabled({ session: s.admin, creditCode: s.creditCode, sealId: s.contractSeal, enabled: false })
    expect((await env.svc.listMySeals({ session: c.session, flowId: c.flowId, signerId: c.signerId })).seals).toEqual([])
    const submit = async (key: string) =>
      env.svc.submitSigning({
        session: c.session,
        flowId: c.flowId,
        signerId: c.signerId,
        intentToken: await faceToken(env.svc, c.session, c.flowId),
        idempotencyKey: key,
        values: values(c, s.contractSeal)
      })
    const disabled = await expectError(submit('org-dis-1'), 'SEAL_NOT_AUTHORIZED')
    expect(disabled.message).toBe(`${NAME}的合同专用章已被企业管理员停用，无法使用，请联系企业管理员`)
    expect(disabled.details.reason).toBe('SEAL_DISABLED')

    // enabled again but revoked: refused
    await env.svc.setOrgSealEnabled({ session: s.admin, creditCode: s.creditCode, sealId: s.contractSeal, enabled: true })
    await env.svc.revokeOrgSeal({ session: s.admin, creditCode: s.creditCode, sealId: s.contractSeal, memberId: emp })
    await expectError(submit('org-rev-1'), 'SEAL_NOT_AUTHORIZED')
    // granted again: it works
    await env.svc.grantOrgSeal({ session: s.admin, creditCode: s.creditCode, sealId: s.contractSeal, memberId: emp })
    expect((await submit('org-ok-1')).flowStatus).toBe('COMPLETED')
  })

  test('someone outside the enterprise cannot join its contract; the records survive a restart', async () => {
    const env = setup()
    const s = await withSeal(env)
    const org = await env.svc.addOrgMember({ session: s.admin, creditCode: s.creditCode, member: EMPLOYEE })
    const made = await env.sb.dev.createOrgContract({ creditCode: s.creditCode, memberId: memberId(org, '张*') })
    const [, , flowId, linkToken] = made.payload.split('.')
    env.advance(61_000)
    const outsider = await verify(env, OTHER)
    await expectError(env.svc.joinFlow({ session: outsider.token, flowId, linkToken }), 'NOT_DESIGNATED_SIGNER')
    await expectError(env.sb.dev.createOrgContract({ creditCode: '91330106MA2H8QXL4C', memberId: 'M' }), 'ORG_NOT_FOUND')
    await expectError(env.sb.dev.createOrgContract({ creditCode: s.creditCode, memberId: 'MNOPE' }), 'ORG_MEMBER_NOT_FOUND')

    const restarted = setup({ storage: env.storage })
    restarted.clock.t = env.clock.t
    const again = await restarted.svc.getOrg({ session: s.admin, creditCode: s.creditCode })
    expect(again.seals.map((x) => x.typeLabel)).toEqual(['合同专用章'])
    expect(again.members.length).toBe(2)
  })
})
