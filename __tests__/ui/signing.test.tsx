import TestUtils from '@tarojs/test-utils-react'
import { simulatedCapture } from '@/platform/face'
import { DEMO_PEOPLE } from '@sandbox'
import type { TestRoot } from '../stores/testRoot'
import { flush, html, uiWorld, type UiWorld } from './support'

const router: { params: Record<string, string> } = { params: {} }

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return {
    __esModule: true,
    ...actual,
    default: {
      ...actual.default,
      redirectTo: jest.fn(),
      navigateTo: jest.fn(),
      navigateBack: jest.fn(),
      reLaunch: jest.fn(),
      showToast: jest.fn()
    },
    useRouter: () => router,
    useUnload: () => undefined,
    useDidShow: () => undefined,
    useDidHide: () => undefined
  }
})

/* eslint-disable @typescript-eslint/no-require-imports */
const Taro = require('@tarojs/taro').default as { navigateTo: jest.Mock }
const Contract = require('@/packages/sign/pages/contract/index').default
const Intent = require('@/packages/sign/pages/intent/index').default
const Result = require('@/packages/sign/pages/result/index').default
const Mine = require('@/packages/sign/pages/mine/index').default
const Detail = require('@/packages/sign/pages/detail/index').default
/* eslint-enable @typescript-eslint/no-require-imports */

const stores: TestRoot[] = []
afterEach(() => {
  stores.splice(0).forEach((s) => s.signing.dispose())
  router.params = {}
})

function world(): UiWorld {
  const w = uiWorld()
  stores.push(w.store)
  return w
}

/** Verifies 李四 and joins the lease flow through its link (what the entry and overview pages do). */
async function signIn(w: UiWorld): Promise<string> {
  const link = w.sandbox.dev.listDemoLinks().find((l) => l.label.startsWith('房屋租赁合同'))!
  const s = w.store
  expect((await s.entry.open(link.link)).kind).toBe('ready')
  const p = DEMO_PEOPLE.LI_SI
  s.verify.setField('name', p.name)
  s.verify.setField('idNumber', p.idNumber)
  s.verify.setField('mobile', p.mobile)
  await s.verify.sendCode()
  s.verify.setField('smsCode', w.lastCode())
  expect(await s.verify.submit()).toBe(true)
  expect(await s.verify.completeFace(simulatedCapture('blink', true))).toBe(true)
  s.verify.reset()
  expect((await s.flow.open(link.flowId)).kind).toBe('ready')
  return link.flowId
}

function byTestId(id: string): HTMLElement | null {
  return document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
}

describe('signing pages (H5 components, jsdom)', () => {
  test.each([
    ['contract', () => Contract, '合同阅读', '缺少合同编号'],
    ['intent', () => Intent, '意愿认证', '缺少合同编号'],
    ['result', () => Result, '签署结果', '缺少合同编号'],
    ['mine', () => Mine, '我的合同', '请先完成实名认证'],
    ['detail', () => Detail, '合同详情', '缺少合同编号']
  ])('%s renders its title and a message with no query and no session', async (_name, page, title, message) => {
    const w = world()
    const t = new TestUtils()
    await t.mount(w.wrap(page()))
    await flush(10)
    expect(html()).toContain(title)
    expect(html()).toContain(message)
  })

  test.each([
    ['intent', () => Intent, '意愿认证', '请先完成实名认证。'],
    ['result', () => Result, '签署结果', '请先完成实名认证后查看签署结果。'],
    ['detail', () => Detail, '合同详情', '请先完成实名认证后查看合同。']
  ])('%s with a flow id but no session says to verify first, and leads home', async (name, page, title, message) => {
    const w = world()
    router.params = { flowId: 'PERSNL26' }
    const t = new TestUtils()
    await t.mount(w.wrap(page()))
    await flush(10)
    expect(html()).toContain(title)
    // Pages mounted by earlier tests stay in the document: this one's card is the last.
    const card = [...document.querySelectorAll(`[data-testid="${name}-missing"]`)].pop()
    expect(card?.textContent).toContain(message)
    const home = [...(card?.querySelectorAll('taro-button-core, button') ?? [])].find((b) => b.textContent?.includes('返回首页')) as HTMLElement
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const reLaunch = require('@tarojs/taro').default.reLaunch as jest.Mock
    reLaunch.mockClear()
    t.fireEvent.click(home)
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  test('the contract page with a flow id but no session asks for verification', async () => {
    const w = world()
    router.params = { flowId: 'PERSNL26' }
    const t = new TestUtils()
    await t.mount(w.wrap(Contract))
    await flush(20)
    expect(html()).toContain('合同阅读')
    expect(html()).toContain('请先完成实名认证')
    expect(byTestId('contract-verify')).toBeTruthy()
  })

  test('the reader shows the fields, the remaining count, forced reading, and validates a text field', async () => {
    const w = world()
    const flowId = await signIn(w)
    router.params = { flowId }
    const t = new TestUtils()
    await t.mount(w.wrap(Contract))
    await flush(30)
    expect(html()).toContain('房屋租赁合同')
    expect(byTestId('remaining')?.textContent).toContain('还需签署 4 处')
    expect(byTestId('sign-submit')?.textContent).toContain('请滑动阅读至合同最后一页')
    expect(document.querySelectorAll('[data-testid="contract-page"]').length).toBeGreaterThan(0)
    expect(document.querySelectorAll('[data-testid="contract-page"]').length).toBeLessThanOrEqual(6)

    // Jump to the next field (page 5): it is mounted and focused; its range (and the last page,
    // next to it) is fetched, which completes the forced reading.
    t.fireEvent.click(byTestId('next-field')!)
    await flush(50)
    const s = w.store.signing
    const text = s.myFields.find((f) => f.type === 'TEXT')!
    expect(s.focusedFieldId).toBe(text.fieldId)
    expect(byTestId(`field-${text.fieldId}`)?.className).toContain('sign-field--focused')
    s.refreshClock()
    await flush(10)
    expect(byTestId('sign-submit')?.textContent).toContain('提交签署')
    t.fireEvent.click(byTestId(`field-${text.fieldId}`)!)
    await flush(10)
    expect(byTestId('text-editor')).toBeTruthy()
    s.setText(text.fieldId, '0')
    s.touch(text.fieldId)
    await flush(10)
    expect(byTestId('text-editor-error')?.textContent).toBe('请填写1至99之间的人数')

    // Submitting with fields missing shows the first problem instead of moving on.
    s.setText(text.fieldId, '2')
    t.fireEvent.click(byTestId('sign-submit')!)
    await flush(10)
    expect(Taro.navigateTo).not.toHaveBeenCalledWith({ url: `/packages/sign/pages/intent/index?flowId=${flowId}` })
    expect(byTestId('contract-notice')?.textContent).toMatch(/请勾选|请在/)
  })

  test('decline needs a reason; the sheet shows why', async () => {
    const w = world()
    const flowId = await signIn(w)
    router.params = { flowId }
    const t = new TestUtils()
    await t.mount(w.wrap(Contract))
    await flush(30)
    t.fireEvent.click(byTestId('open-decline')!)
    await flush(10)
    expect(byTestId('decline-sheet')).toBeTruthy()
    t.fireEvent.click(byTestId('decline-confirm')!)
    await flush(10)
    expect(byTestId('decline-error')?.textContent).toBe('请填写拒签原因')
    expect(w.store.signing.phase).toBe('READING')
  })
})
