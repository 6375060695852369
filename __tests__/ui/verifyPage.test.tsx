import TestUtils from '@tarojs/test-utils-react'
import { DEMO_PEOPLE } from '@sandbox'
import { flush, html, uiWorld } from './support'

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return {
    __esModule: true,
    ...actual,
    default: { ...actual.default, redirectTo: jest.fn(), navigateTo: jest.fn(), reLaunch: jest.fn() },
    useRouter: () => ({ params: { flowId: 'PERSNL26' } }),
    useUnload: () => undefined,
    useDidShow: () => undefined
  }
})

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Verify = require('@/pages/verify/index').default

async function type(t: TestUtils, testId: string, value: string) {
  const el = t.queries.queryByAttribute('data-testid', testId) as HTMLElement
  expect(el).toBeTruthy()
  // Taro's H5 input dispatches a CustomEvent whose detail carries the value.
  t.act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
    el.dispatchEvent(new CustomEvent('blur', { detail: { value }, bubbles: true }))
  })
  await flush()
}

async function tapTestId(t: TestUtils, testId: string) {
  const el = t.queries.queryByAttribute('data-testid', testId) as HTMLElement
  expect(el).toBeTruthy()
  t.fireEvent.click(el)
  await flush(10)
}

describe('verify page (H5 components, jsdom)', () => {
  test('shows field errors, sends the code with a countdown, refuses a wrong code, then moves to face', async () => {
    const w = uiWorld()
    const t = new TestUtils()
    await t.mount(w.wrap(Verify))
    expect(html()).toContain('实名认证')

    await type(t, 'input-idNumber', '110105199003070018')
    expect(html()).toContain('校验位不正确')

    const p = DEMO_PEOPLE.ZHANG_SAN
    await type(t, 'input-name', p.name)
    await type(t, 'input-idNumber', p.idNumber)
    await type(t, 'input-mobile', p.mobile)
    expect(html()).not.toContain('校验位不正确')

    await tapTestId(t, 'send-code')
    expect(html()).toMatch(/60秒后重发/)
    expect(html()).toContain('138****8000')

    const right = w.lastCode()
    await type(t, 'input-smsCode', right === '000000' ? '111111' : '000000')
    await tapTestId(t, 'verify-submit')
    expect(html()).toContain('还可尝试4次')

    await type(t, 'input-smsCode', right)
    await tapTestId(t, 'verify-submit')
    expect(html()).toContain('人脸识别')
    expect(w.store.verify.step).toBe('face')
    w.store.verify.reset()
  })
})
