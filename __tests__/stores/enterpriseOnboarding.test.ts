/**
 * The operator's store on the onboarding rules (issue 15): the super administrator's SMS code
 * and identity check (messages under their fields), and 腾讯云企业快速认证 (CloudUnit).
 */
import { DEMO_PEOPLE } from '@sandbox'
import { simulatedCapture } from '@/platform/face'
import { world as makeWorld, type World } from './helpers'

const OPERATOR = DEMO_PEOPLE.LI_SI
const ADMIN = DEMO_PEOPLE.ZHAO_MIN

// The SMS countdowns tick on the store's clock: stop them after each test.
const worlds: World[] = []
afterEach(() => {
  for (const w of worlds.splice(0)) w.store.enterprise.dispose()
})

function world(): World {
  const w = makeWorld()
  worlds.push(w)
  return w
}

async function verifyAs(w: World, p: { name: string; idNumber: string; mobile: string }): Promise<void> {
  const v = w.store.verify
  v.setField('name', p.name)
  v.setField('idNumber', p.idNumber)
  v.setField('mobile', p.mobile)
  expect(await v.sendCode()).toBe(true)
  v.setField('smsCode', w.lastCode())
  expect(await v.submit()).toBe(true)
  expect(await v.completeFace(simulatedCapture('blink', true))).toBe(true)
  v.reset()
}

async function atAdmin(w: World) {
  await verifyAs(w, OPERATOR)
  const ent = w.store.enterprise
  expect(await ent.start()).toBe(true)
  expect(await ent.uploadLicense({ name: 's.png', bytes: w.sandbox.dev.licenseSampleImage('STANDARD') })).toBe(true)
  expect(await ent.confirmLicense()).toBe(true)
  expect(ent.step).toBe('admin')
  return ent
}

describe('the super administrator’s code', () => {
  test('an identity the registry contradicts is refused under its field, no code sent; then the code confirms', async () => {
    const w = world()
    const ent = await atAdmin(w)
    ent.setAdminField('name', '赵明')
    ent.setAdminField('idNumber', ADMIN.idNumber)
    ent.setAdminField('mobile', ADMIN.mobile)
    expect(await ent.admin.sendCode()).toBe(false)
    expect(ent.adminErrors.name).toBe('超级管理员的姓名与身份证号不一致，请核对后重试')
    expect(ent.admin.sms.ticket).toBeNull()
    expect(ent.error).toBeNull()

    ent.setAdminField('name', ADMIN.name)
    // Saving before any code: told to get one, nothing sent.
    expect(await ent.setAdmin()).toBe(false)
    expect(ent.admin.sms.message).toContain('请先获取')
    expect(await ent.admin.sendCode()).toBe(true)
    expect(ent.admin.sms.ticket?.sentTo).toBe('188****0002')
    expect(ent.admin.sms.resendIn).toBeGreaterThan(0)

    const code = w.lastCode()
    ent.admin.sms.setCode(code === '000000' ? '111111' : '000000')
    expect(await ent.setAdmin()).toBe(false)
    expect(ent.admin.sms.message).toContain('验证码错误')
    expect(ent.step).toBe('admin')
    // Nothing the operator typed is lost.
    expect(ent.adminForm).toEqual({ name: ADMIN.name, idNumber: ADMIN.idNumber, mobile: ADMIN.mobile })

    ent.admin.sms.setCode(code)
    expect(await ent.setAdmin()).toBe(true)
    expect(ent.step).toBe('method')
    expect(ent.adminForm.idNumber).toBe('') // the full numbers leave memory
  })

  test('an expired code says so; a changed mobile needs a new code', async () => {
    const w = world()
    const ent = await atAdmin(w)
    ent.setAdminField('name', ADMIN.name)
    ent.setAdminField('idNumber', ADMIN.idNumber)
    ent.setAdminField('mobile', ADMIN.mobile)
    expect(await ent.admin.sendCode()).toBe(true)
    ent.admin.sms.setCode(w.lastCode())
    w.clock.t += 5 * 60 * 1000
    expect(await ent.setAdmin()).toBe(false)
    expect(ent.admin.sms.message).toBe('验证码已过期，请重新获取')
    ent.setAdminField('mobile', '13800138000')
    expect(await ent.setAdmin()).toBe(false)
    expect(ent.admin.sms.message).toContain('请先获取')
  })
})

describe('腾讯云企业快速认证 in the store', () => {
  test('the operator reads the cloud enterprise, confirms it with their code: activated', async () => {
    const w = world()
    await verifyAs(w, DEMO_PEOPLE.WU_HAO)
    const ent = w.store.enterprise
    expect(await ent.start()).toBe(true)
    const cloud = ent.cloud
    expect(await cloud.lookup()).toBe(true)
    expect(cloud.info?.enterpriseName).toBe('南京青禾数据科技有限公司')
    expect(await cloud.confirm()).toBe(false)
    expect(cloud.sms.message).toContain('请先获取')
    expect(await cloud.sendCode()).toBe(true)
    cloud.sms.setCode(w.lastCode())
    expect(await cloud.confirm()).toBe(true)
    expect(ent.app?.status).toBe('ACTIVATED')
    expect(ent.app?.method).toBe('CLOUD')
    expect(ent.step).toBe('status')
  })

  test('refusals show on the quick-path card and leave the licence path open', async () => {
    const w = world()
    await verifyAs(w, OPERATOR)
    const ent = w.store.enterprise
    expect(await ent.start()).toBe(true)
    expect(await ent.cloud.lookup()).toBe(false)
    expect(ent.cloud.error).toContain('腾讯云账号下没有已完成认证的企业')
    expect(ent.error).toBeNull()
    expect(ent.step).toBe('license')

    const w2 = world()
    await verifyAs(w2, DEMO_PEOPLE.CHEN_CHEN)
    const e2 = w2.store.enterprise
    expect(await e2.start()).toBe(true)
    expect(await e2.cloud.lookup()).toBe(true)
    expect(await e2.cloud.sendCode()).toBe(true)
    e2.cloud.sms.setCode(w2.lastCode())
    expect(await e2.cloud.confirm()).toBe(false)
    expect(e2.cloud.error).toContain('工商登记的名称“苏州云帆智能科技有限公司”不一致')
    expect(e2.app?.status).toBe('DRAFT')
  })
})
