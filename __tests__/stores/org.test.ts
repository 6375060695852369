/**
 * OrgStore (企业管理) on the sandbox, as its pages drive it: the super administrator creates a
 * seal and adds an employee (local checks first, refusals under their field, nothing typed
 * lost), grants the seal; an employee sees the enterprise but cannot manage it.
 */
import { MemoryStorage } from '@/services/storage'
import type { SessionInfo } from '@/services/types'
import { orgFeature } from '@/stores/features/org'
import { activated, EMPLOYEE, setup, verify, type Env } from '../services/orgHelpers'
import { serviceFor } from './helpers'
import { TestRoot } from './testRoot'

function device(env: Env, who: SessionInfo) {
  const root = new TestRoot({
    service: env.svc,
    devTools: env.sb.dev,
    storage: new MemoryStorage(),
    allowedHosts: () => ['sign.inkseal.cn'],
    now: () => env.clock.t
  })
  root.session.set(who)
  return root.feature(orgFeature)
}

test('the administrator: the enterprise, a seal, an employee, an authorisation', async () => {
  const env = setup({ wrap: (sb) => serviceFor(sb) })
  const a = await activated(env)
  const org = device(env, a.adminInfo)
  await org.load()
  expect(org.adminOrgs.map((o) => o.name)).toEqual(['北京墨印科技有限公司'])
  await org.open(a.creditCode)
  expect(org.isAdmin).toBe(true)

  // a seal: a type must be chosen; once made it is no longer offered
  expect(await org.createSeal()).toBe(false)
  expect(org.sealError).toBe('请选择印章类型')
  org.chooseSealType('CONTRACT')
  expect(await org.createSeal()).toBe(true)
  expect(org.org!.seals.map((s) => [s.typeLabel, s.spec.text])).toEqual([['合同专用章', '北京墨印科技有限公司']])
  expect(org.creatableTypes).not.toContain('CONTRACT')
  expect(org.notice).toBe('已创建合同专用章')

  // an employee: a bad ID is refused on the device; a name the registry disagrees with under the name
  const calls = jest.spyOn(env.svc, 'addOrgMember')
  org.member.set('name', '张四')
  org.member.set('idNumber', '110105199003070018')
  org.member.set('mobile', EMPLOYEE.mobile)
  expect(await org.addMember()).toBe(false)
  expect(org.member.errors.idNumber).toMatch(/身份证/)
  expect(calls).not.toHaveBeenCalled()
  org.member.set('idNumber', EMPLOYEE.idNumber)
  expect(await org.addMember()).toBe(false)
  expect(org.member.errors.name).toBe('姓名与身份证号不一致，请核对后重试')
  expect(org.member.values).toEqual({ name: '张四', idNumber: EMPLOYEE.idNumber, mobile: EMPLOYEE.mobile })
  org.member.set('name', EMPLOYEE.name)
  expect(await org.addMember()).toBe(true)
  expect(org.member.values).toEqual({ name: '', idNumber: '', mobile: '' })
  expect(org.org!.members.map((m) => m.maskedName)).toEqual(['赵*', '张*'])
  // the same person again: the message, and the form keeps what was typed
  org.member.set('name', EMPLOYEE.name)
  org.member.set('idNumber', EMPLOYEE.idNumber)
  org.member.set('mobile', EMPLOYEE.mobile)
  expect(await org.addMember()).toBe(false)
  expect(org.memberError).toBe('张*已是企业成员，无需重复添加')
  expect(org.member.values.idNumber).toBe(EMPLOYEE.idNumber)

  const seal = org.org!.seals[0].sealId
  const emp = org.org!.members[1].memberId
  await org.grant(seal, emp)
  expect(org.seal(seal)!.authorised).toEqual([emp])
  expect(org.memberName(emp)).toBe('张*')
  await org.setEnabled(seal, false)
  expect(org.seal(seal)!.enabled).toBe(false)
  await org.revoke(seal, emp)
  expect(org.seal(seal)!.authorised).toEqual([])
  expect(org.actionError).toBeNull()

  // the employee sees the enterprise, cannot manage it
  env.advance(61_000)
  const mine = device(env, await verify(env, EMPLOYEE))
  await mine.load()
  expect(mine.orgs.map((o) => o.myRole)).toEqual(['EMPLOYEE'])
  expect(mine.adminOrgs).toEqual([])
  await mine.open(a.creditCode)
  expect(mine.isAdmin).toBe(false)
  await mine.grant(seal, emp)
  expect(mine.actionError).toBe('只有企业超级管理员可以授权印章')
  expect(mine.seal(seal)!.authorised).toEqual([])
})

test('someone outside every enterprise: an empty list; opening one says why', async () => {
  const env = setup({ wrap: (sb) => serviceFor(sb) })
  const a = await activated(env)
  env.advance(61_000)
  const outsider = device(env, await verify(env, EMPLOYEE))
  await outsider.load()
  expect(outsider.orgs).toEqual([])
  expect(outsider.loaded).toBe(true)
  await outsider.open(a.creditCode)
  expect(outsider.org).toBeNull()
  expect(outsider.orgError).toBe('您不是该企业的成员，无权查看企业管理')
})
