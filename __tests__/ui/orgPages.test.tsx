/**
 * 企业管理 pages (packages/org) in jsdom on the sandbox, an enterprise activated first: the
 * administrator creates a 合同专用章 (previewed from the data), adds an employee (a refused ID
 * keeps what was typed), and authorises them on the seal page; an employee sees no forms.
 */
import TestUtils from '@tarojs/test-utils-react'
import { createElement } from 'react'
import { MemoryStorage } from '@/services/storage'
import type { SessionInfo } from '@/services/types'
import { orgFeature } from '@/stores/features/org'
import { StoreProvider } from '@/stores/StoreContext'
import { activated, EMPLOYEE, setup, verify, type Env } from '../services/orgHelpers'
import { TestRoot } from '../stores/testRoot'
import { flush } from './support'

const router: { params: Record<string, string> } = { params: {} }

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return {
    __esModule: true,
    ...actual,
    default: { ...actual.default, navigateTo: jest.fn(), redirectTo: jest.fn() },
    useRouter: () => router,
    // the page loads when shown: once, on mount
    useDidShow: (fn: () => void) => (jest.requireActual('react') as typeof import('react')).useEffect(fn, []),
    useUnload: () => undefined
  }
})

/* eslint-disable @typescript-eslint/no-require-imports */
const OrgIndex = require('@/packages/org/pages/index/index').default
const SealPage = require('@/packages/org/pages/seal/index').default
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(30_000)

const mounted: TestUtils[] = []
afterEach(() => {
  mounted.splice(0).forEach((t) => t.unmout())
  document.body.innerHTML = ''
})

async function mount(env: Env, who: SessionInfo, Page: React.ComponentType, params: Record<string, string>) {
  router.params = params
  const root = new TestRoot({
    service: env.svc,
    devTools: env.sb.dev,
    storage: new MemoryStorage(),
    allowedHosts: () => ['sign.inkseal.cn'],
    now: () => env.clock.t
  })
  root.session.set(who)
  const t = new TestUtils()
  mounted.push(t)
  await t.mount(() => createElement(StoreProvider, { store: root }, createElement(Page)), {})
  await waitFor(() => !!byTestId('org-name') || !!byTestId('org-seal-detail') || !!byTestId('org-error'))
  return { t, org: root.feature(orgFeature) }
}

function byTestId(id: string): HTMLElement | null {
  return document.querySelector(`[data-testid="${id}"]`)
}

async function waitFor(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out')
    await flush(10)
  }
}

async function type(t: TestUtils, testId: string, value: string) {
  const el = byTestId(testId) as HTMLElement
  t.act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
    el.dispatchEvent(new CustomEvent('blur', { detail: { value }, bubbles: true }))
  })
  await flush()
}

async function tap(t: TestUtils, testId: string) {
  t.fireEvent.click(byTestId(testId) as HTMLElement)
  await flush(20)
}

test('the administrator: a seal, an employee, an authorisation', async () => {
  const env = setup()
  const a = await activated(env)
  const { t, org } = await mount(env, a.adminInfo, OrgIndex, { c: a.creditCode })
  expect(byTestId('org-name')?.textContent).toBe('北京墨印科技有限公司')

  await tap(t, 'org-seal-type-CONTRACT')
  const preview = byTestId('org-seal-preview')?.querySelector('img')?.getAttribute('src') ?? ''
  expect(Buffer.from(preview.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8')).toContain('合同专用章')
  await tap(t, 'org-seal-create')
  await waitFor(() => document.querySelectorAll('[data-testid="org-seal"]').length === 1)
  expect(byTestId('org-seal')?.textContent).toContain('合同专用章')
  expect(byTestId('org-seal-type-CONTRACT')).toBeNull()

  await type(t, 'org-member-name', EMPLOYEE.name)
  await type(t, 'org-member-idNumber', '110105199003070018')
  await type(t, 'org-member-mobile', EMPLOYEE.mobile)
  await tap(t, 'org-member-add')
  expect(byTestId('org-member-idNumber-error')?.textContent).toMatch(/身份证/)
  expect(org.member.values).toEqual({ name: EMPLOYEE.name, idNumber: '110105199003070018', mobile: EMPLOYEE.mobile })
  await type(t, 'org-member-idNumber', EMPLOYEE.idNumber)
  await tap(t, 'org-member-add')
  await waitFor(() => document.querySelectorAll('[data-testid="org-member"]').length === 2)
  expect(byTestId('org-members')?.textContent).toContain('张*')

  const view = await env.svc.getOrg({ session: a.admin, creditCode: a.creditCode })
  t.unmout()
  mounted.splice(0)
  document.body.innerHTML = ''
  const { t: s } = await mount(env, a.adminInfo, SealPage, { c: a.creditCode, s: view.seals[0].sealId })
  const row = [...document.querySelectorAll('[data-testid="org-grant-row"]')].find((r) => r.textContent?.includes('张*')) as HTMLElement
  expect(row.querySelector('[data-testid="org-grant-state"]')?.textContent).toBe('未授权')
  s.fireEvent.click(row.querySelector('[data-testid="org-grant"]') as HTMLElement)
  await waitFor(() => row.querySelector('[data-testid="org-grant-state"]')?.textContent === '已授权')
  expect((await env.svc.getOrg({ session: a.admin, creditCode: a.creditCode })).seals[0].authorised).toEqual([view.members[1].memberId])
})

test('an employee sees the enterprise without the forms', async () => {
  const env = setup()
  const a = await activated(env)
  await env.svc.addOrgMember({ session: a.admin, creditCode: a.creditCode, member: EMPLOYEE })
  env.advance(61_000)
  await mount(env, await verify(env, EMPLOYEE), OrgIndex, { c: a.creditCode })
  expect(byTestId('org-name')?.textContent).toBe('北京墨印科技有限公司')
  expect(byTestId('org-seal-form')).toBeNull()
  expect(byTestId('org-member-form')).toBeNull()
  expect(document.body.textContent).toContain('印章和成员由企业超级管理员管理。')
})
