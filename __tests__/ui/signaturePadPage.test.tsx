/**
 * The sign-pad page (手写签名) mounted in jsdom: Taro's page hooks and navigation are mocked
 * (they need a running app; jest hoists jest.mock above the imports), the store is a real
 * SignatureStore on memory storage.
 */
import TestUtils from '@tarojs/test-utils-react'
import fs from 'fs'
import path from 'path'
import SignPadPage from '@/packages/sign/pages/sign-pad/index'
import { MemoryStorage } from '@/services/storage'
import type { RootStore } from '@/stores/RootStore'
import { SignatureStore } from '@/stores/SignatureStore'
import { StoreProvider } from '@/stores/StoreContext'

const mockRoute = { params: {} as Record<string, string> }
const mockNav = { back: 0, relaunch: [] as string[], depth: 2 }

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const Taro = actual.default
  Taro.navigateBack = () => {
    mockNav.back++
    return Promise.resolve({ errMsg: 'navigateBack:ok' })
  }
  Taro.reLaunch = (o: { url: string }) => {
    mockNav.relaunch.push(o.url)
    return Promise.resolve({ errMsg: 'reLaunch:ok' })
  }
  Taro.getCurrentPages = () => Array.from({ length: mockNav.depth }, () => ({}))
  return {
    __esModule: true,
    ...actual,
    default: Taro,
    useRouter: () => mockRoute,
    useDidHide: () => undefined,
    useUnload: () => undefined
  }
})

type Fixture = { width: number; height: number; strokes: [number, number, number][][] }
const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'strokes', `${name}.json`), 'utf8')) as Fixture

beforeAll(() => {
  for (const [prop, v] of [
    ['clientWidth', 800],
    ['clientHeight', 340]
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, {
      configurable: true,
      get(this: HTMLElement) {
        return this.tagName === 'CANVAS' ? v : 0
      }
    })
  }
})

afterAll(() => {
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientWidth
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientHeight
})

const mounted: TestUtils[] = []
afterEach(() => {
  mounted.splice(0).forEach((t) => t.unmout())
  mockRoute.params = {}
  mockNav.back = 0
  mockNav.relaunch = []
  mockNav.depth = 2
})

async function open(params: Record<string, string> = {}, storage = new MemoryStorage()) {
  mockRoute.params = params
  const signature = new SignatureStore(storage, () => 1_763_690_400_000)
  // The page asks the root for its signature feature store
  const root = { feature: () => signature } as unknown as RootStore
  function Host() {
    return (
      <StoreProvider store={root}>
        <SignPadPage />
      </StoreProvider>
    )
  }
  const t = new TestUtils()
  mounted.push(t)
  await t.mount(Host, {})
  await waitFor(() => document.querySelector('[data-testid="sign-pad"]')?.getAttribute('data-ready') === '1')
  return { t, signature, storage, canvas: document.querySelector('.pad-canvas canvas') as HTMLCanvasElement }
}

async function waitFor(ok: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

function pointer(el: Element, type: string, x: number, y: number, t: number) {
  const e = new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0 })
  Object.defineProperty(e, 'pointerId', { value: 1 })
  Object.defineProperty(e, 'pointerType', { value: 'mouse' })
  Object.defineProperty(e, 'timeStamp', { value: t })
  el.dispatchEvent(e)
}

function draw(canvas: HTMLCanvasElement, f: Fixture) {
  for (const s of f.strokes) {
    pointer(canvas, 'pointerdown', s[0][0], s[0][1], s[0][2])
    for (const [x, y, t] of s.slice(1)) pointer(canvas, 'pointermove', x, y, t)
    const z = s[s.length - 1]
    pointer(canvas, 'pointerup', z[0], z[1], z[2] + 5)
  }
}

function button(text: string): HTMLElement {
  const b = Array.from(document.querySelectorAll('taro-button-core')).find((el) => el.textContent?.includes(text))
  if (!b) throw new Error(`no button ${text}`)
  return b as HTMLElement
}

const text = () => document.querySelector('[data-testid="sign-pad"]')?.textContent || ''
const message = () => document.querySelector('[data-testid="pad-message"]')?.textContent || ''

describe('sign-pad page', () => {
  test('shows its title, the hint and the buttons', async () => {
    await open()
    expect(text()).toContain('手写签名')
    expect(text()).toContain('请在此区域内书写签名')
    for (const b of ['撤销', '清除', '确定', '返回']) expect(button(b)).toBeTruthy()
    // no system tab unless allowed
    expect(document.querySelector('[data-testid="pad-tab-system"]')).toBeNull()
  })

  test('确定 on a straight line shows the reason and accepts nothing', async () => {
    const { canvas, signature } = await open()
    draw(canvas, fixture('straight-line'))
    button('确定').click()
    await waitFor(() => message().includes('直线'))
    expect(message()).toBe('签名不能只是直线或折线，请书写您的姓名')
    expect(signature.accepted).toBeNull()
    expect(mockNav.back).toBe(0)
  })

  test('a drawn signature is saved as a draft per stroke, then accepted on 确定 and the page goes back', async () => {
    const { canvas, signature } = await open()
    draw(canvas, fixture('signature-fast'))
    expect(signature.draft?.strokes).toHaveLength(4)
    await waitFor(() => !text().includes('请在此区域内书写签名'))
    button('撤销').click()
    expect(signature.draft?.strokes).toHaveLength(3)
    draw(canvas, { ...fixture('signature-fast'), strokes: fixture('signature-fast').strokes.slice(3) })
    button('确定').click()
    await waitFor(() => mockNav.back === 1)
    expect(signature.accepted?.kind).toBe('HANDWRITTEN')
    expect(signature.accepted?.png.startsWith('data:image/png')).toBe(true)
    expect(signature.draft).toBeNull()
  })

  test('opened directly (no page to go back to), it returns home', async () => {
    mockNav.depth = 1
    await open()
    button('返回').click()
    expect(mockNav.relaunch).toEqual(['/pages/index/index'])
  })

  test('a draft left behind is restored when the page opens again', async () => {
    const storage = new MemoryStorage()
    const first = await open({}, storage)
    draw(first.canvas, fixture('signature-slow'))
    mounted.splice(0).forEach((t) => t.unmout())
    const again = await open({}, storage)
    expect(again.signature.draft?.strokes).toHaveLength(10)
    expect(text()).not.toContain('请在此区域内书写签名')
  })

  test('with allowSystem=1 and a name, the system tab previews the name drawn from the font outlines and accepts it', async () => {
    const { signature } = await open({ allowSystem: '1', name: encodeURIComponent('张三') })
    const tab = document.querySelector('[data-testid="pad-tab-system"]') as HTMLElement
    expect(tab).not.toBeNull()
    tab.click()
    await waitFor(() => !!document.querySelector('[data-testid="pad-system"]'))
    expect(document.querySelector('[data-testid="pad-system"]')?.textContent).toContain('张三')
    await waitFor(() => !!document.querySelector('[data-testid="pad-system-image"]'))
    button('确定').click()
    await waitFor(() => mockNav.back === 1)
    expect(signature.accepted?.kind).toBe('SYSTEM')
    expect(signature.accepted?.png.startsWith('data:image/png')).toBe(true)
    expect(signature.accepted!.width).toBeGreaterThan(signature.accepted!.height)
  })

  test('a name the outlines lack gets a Chinese message and nothing is accepted', async () => {
    const { signature } = await open({ allowSystem: '1', name: encodeURIComponent('张㐀') })
    ;(document.querySelector('[data-testid="pad-tab-system"]') as HTMLElement).click()
    await waitFor(() => message().includes('暂不支持系统签名'))
    expect(message()).toBe('姓名中的“㐀”暂不支持系统签名，请改用手写签名')
    expect(document.querySelector('[data-testid="pad-system-image"]')).toBeNull()
    button('确定').click()
    await new Promise((r) => setTimeout(r, 50))
    expect(mockNav.back).toBe(0)
    expect(signature.accepted).toBeNull()
  })
})
