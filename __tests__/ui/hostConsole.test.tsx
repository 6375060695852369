/**
 * 会中签约发起台 in jsdom: the file chooser and the PDF renderer are mocked (they need a browser);
 * the host store, its checks and the service call are real (a fake createHostedMeeting).
 */
import TestUtils from '@tarojs/test-utils-react'
import { DEMO_PEOPLE } from '@sandbox'
import { utf8Bytes } from '@/domain/utf8'
import { ServiceError } from '@/services/errors'
import type { HostedMeeting, InkSealService } from '@/services/types'
import { MemoryStorage } from '@/services/storage'
import { hostFeature } from '@/stores/features/host'
import { StoreProvider } from '@/stores/StoreContext'
import { TestRoot } from '../stores/testRoot'
import { flush, html } from './support'

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return {
    __esModule: true,
    ...actual,
    default: { ...actual.default, redirectTo: jest.fn(), navigateTo: jest.fn() },
    useRouter: () => ({ params: {} }),
    useUnload: () => undefined,
    useDidShow: () => undefined
  }
})

const mockPick: { next: { name: string; bytes: Uint8Array } | null } = { next: null }
jest.mock('@/packages/host/pages/console/index.css', () => ({}))
jest.mock('@/platform/fileInput.h5', () => ({
  chooseLocalFile: () =>
    Promise.resolve(mockPick.next ? { name: mockPick.next.name, arrayBuffer: () => Promise.resolve(mockPick.next!.bytes.slice().buffer) } : null)
}))
jest.mock('@/platform/pdfRender', () => ({
  pdfRenderer: {
    open: () =>
      Promise.resolve({
        pageCount: 2,
        renderPage: (i: number) => Promise.resolve({ widthPt: 595, heightPt: 842, jpegBase64: 'AAAA', url: `data:image/jpeg;base64,PAGE${i}` }),
        close: () => undefined
      })
  }
}))

// eslint-disable-next-line @typescript-eslint/no-require-imports
const HostConsole = require('@/packages/host/pages/console/index').default
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Taro = require('@tarojs/taro').default

const PDF = utf8Bytes('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const mounted: TestUtils[] = []
afterEach(() => mounted.splice(0).forEach((t) => t.unmout()))

function world(opts: { verified?: boolean } = {}) {
  const service = {
    fail: null as ServiceError | null,
    calls: 0,
    async createHostedMeeting() {
      service.calls++
      if (service.fail) throw service.fail
      return {
        meetingId: 'MTHOST01',
        boardKey: 'b'.repeat(16),
        name: '签约仪式',
        screenLink: 'http://localhost/#/packages/meeting/pages/screen/index?m=MTHOST01&k=bbbbbbbbbbbbbbbb',
        invites: [{}, {}],
        warnings: []
      } as unknown as HostedMeeting
    },
    async sendSmsCode() {
      throw new ServiceError('NETWORK_ERROR', '网络连接失败')
    }
  }
  const store = new TestRoot({ service: service as unknown as InkSealService, storage: new MemoryStorage(), allowedHosts: () => [] })
  if (opts.verified !== false) {
    store.session.set({ token: 't', expiresAt: Date.now() + 3600_000, maskedName: '*三', maskedId: '1**7', maskedMobile: '138****8000' })
  }
  return { service, store, host: store.feature(hostFeature) }
}

async function mount(store: TestRoot) {
  function Page() {
    return (
      <StoreProvider store={store}>
        <HostConsole />
      </StoreProvider>
    )
  }
  const t = new TestUtils()
  mounted.push(t)
  await t.mount(Page, {})
  return t
}

function byTestId(t: TestUtils, id: string): HTMLElement {
  const el = t.queries.queryByAttribute('data-testid', id) as HTMLElement
  if (!el) throw new Error(`no ${id}`)
  return el
}

async function type(t: TestUtils, testId: string, value: string) {
  t.act(() => {
    byTestId(t, testId).dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
  await flush()
}

async function tap(t: TestUtils, testId: string) {
  t.fireEvent.click(byTestId(t, testId))
  await flush(10)
}

describe('host console page', () => {
  test('without a session: the real-name form shows above the draft, and there is no 开始会议', async () => {
    const { store } = world({ verified: false })
    const t = await mount(store)
    expect(byTestId(t, 'host-verify')).toBeTruthy()
    expect(byTestId(t, 'input-name')).toBeTruthy()
    expect(byTestId(t, 'host-name')).toBeTruthy()
    expect(t.queries.queryByAttribute('data-testid', 'host-start')).toBeNull()
  })

  test('a .pdf that is not a PDF gets the Chinese error and the typed meeting stays', async () => {
    const { store, host } = world()
    const t = await mount(store)
    await type(t, 'host-name', '2026 战略合作签约仪式')
    mockPick.next = { name: '合同.pdf', bytes: utf8Bytes('<html>not a pdf</html>') }
    await tap(t, 'host-pick-pdf')
    await flush(20)
    expect(byTestId(t, 'host-pdf-error').textContent).toBe('该文件虽以 .pdf 结尾，但内容不是 PDF，请上传真正的 PDF 合同')
    expect(host.meeting.name).toBe('2026 战略合作签约仪式')
    expect(t.queries.queryByAttribute('data-testid', 'host-editor')).toBeNull()
  })

  test('a PDF shows its pages; a palette tap places a field; an enterprise signer without a seal is warned about', async () => {
    const { store, host } = world()
    const t = await mount(store)
    mockPick.next = { name: '合作协议.pdf', bytes: PDF }
    await tap(t, 'host-pick-pdf')
    await flush(30)
    expect(byTestId(t, 'host-file').textContent).toContain('合作协议.pdf · 共 2 页')
    expect(document.querySelectorAll('[data-testid="host-thumb"]')).toHaveLength(2)
    expect(html()).toContain('data:image/jpeg;base64,PAGE0')

    await tap(t, 'host-add-enterprise')
    expect(host.activeSigner?.kind).toBe('ENTERPRISE')
    // a tap (down and up in place) on a palette kind puts the field in the middle of the page
    const kind = byTestId(t, 'host-palette-SIGN_SIGNATURE')
    t.act(() => {
      kind.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, clientX: 10, clientY: 10 }))
      window.dispatchEvent(new MouseEvent('pointerup', { clientX: 11, clientY: 10 }))
    })
    await flush()
    const boxes = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="host-field"]'))
    expect(boxes).toHaveLength(1)
    expect(boxes[0].getAttribute('data-signer')).toBe('1')
    expect(byTestId(t, 'host-seal-warning').textContent).toBe('第 2 位签署方（乙方）是企业签署方，但没有企业印章控件，将只签名不盖章')
    // the seal goes in: no more warning
    t.act(() => {
      byTestId(t, 'host-palette-SIGN_SEAL').dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, clientX: 10, clientY: 10 }))
      window.dispatchEvent(new MouseEvent('pointerup', { clientX: 11, clientY: 10 }))
    })
    await flush()
    expect(t.queries.queryByAttribute('data-testid', 'host-seal-warning')).toBeNull()
    // keys: an arrow nudges the selected field (the seal), Delete removes it, and the warning is back
    const seal = host.fields.selected!
    const x = seal.x
    t.act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true }))
    })
    expect(seal.x).toBeCloseTo(x + 0.02, 9)
    t.act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete' }))
    })
    await flush()
    expect(host.fields.fields.map((f) => f.type)).toEqual(['SIGN_SIGNATURE'])
    expect(byTestId(t, 'host-seal-warning')).toBeTruthy()
  })

  test('开始会议 on a network failure keeps every value and says why; then it starts and offers the screen', async () => {
    const { store, host, service } = world()
    const t = await mount(store)
    const p = DEMO_PEOPLE.ZHANG_SAN
    await type(t, 'host-name', '签约仪式')
    await type(t, 'host-signer-0-name', p.name)
    await type(t, 'host-signer-0-idNumber', p.idNumber)
    await type(t, 'host-signer-0-mobile', p.mobile)
    mockPick.next = { name: '合作协议.pdf', bytes: PDF }
    await tap(t, 'host-pick-pdf')
    await flush(30)
    await tap(t, 'host-start')
    expect(byTestId(t, 'host-problems').textContent).toContain('请为第 1 位签署方（甲方）放置签名或印章控件')
    expect(service.calls).toBe(0)
    host.placeField('SIGN_SIGNATURE')
    service.fail = new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
    await tap(t, 'host-start')
    await flush(10)
    expect(byTestId(t, 'host-start-error').textContent).toBe('网络连接失败，请检查网络后重试')
    expect((byTestId(t, 'host-signer-0-idNumber').querySelector('input') as HTMLInputElement | null)?.value ?? host.meeting.signers[0].idNumber).toBe(
      p.idNumber
    )
    expect(host.fields.fields).toHaveLength(1)
    service.fail = null
    await tap(t, 'host-start')
    await flush(10)
    expect(byTestId(t, 'host-screen-link').textContent).toContain('m=MTHOST01')
    await tap(t, 'host-open-screen')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/meeting/pages/screen/index?m=MTHOST01&k=${'b'.repeat(16)}` })
  })
})
