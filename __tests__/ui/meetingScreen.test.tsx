/**
 * The meeting screen in jsdom with a fake board: a hosted meeting's title, logo and background,
 * the full-screen switch (the Fullscreen API stubbed), and 全部签署完成 once everyone has signed.
 */
import TestUtils from '@tarojs/test-utils-react'
import type { InkSealService, MeetingBoard, SignerView } from '@/services/types'
import { MemoryStorage } from '@/services/storage'
import { meetingFeature } from '@/stores/features/meeting'
import { StoreProvider } from '@/stores/StoreContext'
import { TestRoot } from '../stores/testRoot'
import { flush } from './support'

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, useRouter: () => ({ params: { m: 'MTHOST01', k: 'k'.repeat(16) } }) }
})
jest.mock('@/packages/meeting/pages/screen/index.css', () => ({}))

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MeetingScreen = require('@/packages/meeting/pages/screen/index').default

const LOGO = 'data:image/png;base64,iVBORw0KGgo='
const BG = 'data:image/jpeg;base64,/9j/4AAQ'

function signer(id: string, role: string, status: SignerView['status']): SignerView {
  return {
    signerId: id,
    order: 1,
    partyType: 'PERSON',
    enterpriseName: null,
    maskedName: '张*',
    maskedMobile: '138****8000',
    roleLabel: role,
    status,
    signedAt: null
  }
}

function board(allSigned: boolean, layout: MeetingBoard['layout']): MeetingBoard {
  const status = allSigned ? 'SIGNED' : 'PENDING'
  return {
    meetingId: 'MTHOST01',
    name: '2026 战略合作签约仪式',
    at: 0,
    allSigned,
    layout,
    flows: [
      {
        flowId: 'F1',
        title: '战略合作协议',
        status: allSigned ? 'COMPLETED' : 'SIGNING',
        signLink: 'https://sign.inkseal.cn/s/1.S.F1.x',
        signers: [signer('a', '甲方', 'SIGNED'), signer('b', '乙方', status)],
        signedCount: allSigned ? 2 : 1
      }
    ]
  }
}

const mounted: TestUtils[] = []
afterEach(() => {
  mounted.splice(0).forEach((t) => t.unmout())
})

async function open(next: () => MeetingBoard) {
  const service = { getMeetingBoard: async () => next() } as unknown as InkSealService
  const root = new TestRoot({ service, storage: new MemoryStorage(), allowedHosts: () => [] })
  function Page() {
    return (
      <StoreProvider store={root}>
        <MeetingScreen />
      </StoreProvider>
    )
  }
  const t = new TestUtils()
  mounted.push(t)
  await t.mount(Page, {})
  await flush(20)
  return { t, meeting: root.feature(meetingFeature) }
}

function q(id: string): HTMLElement | null {
  return document.querySelector(`[data-testid="${id}"]`)
}

describe('meeting screen', () => {
  test('a hosted meeting shows its title, logo and background; 全部签署完成 only when all have signed', async () => {
    let current = board(false, { title: '星河 × 海纳 战略签约', logo: LOGO, background: BG })
    const { meeting } = await open(() => current)
    expect(q('meeting-title')?.textContent).toBe('星河 × 海纳 战略签约')
    expect(q('meeting-logo')?.outerHTML).toContain(LOGO)
    expect(q('meeting-background')?.getAttribute('style')).toContain(BG)
    expect(q('meeting-all-signed')).toBeNull()
    current = board(true, { title: '星河 × 海纳 战略签约', logo: LOGO, background: BG })
    await meeting.poll()
    await flush(10)
    expect(q('meeting-all-signed')?.textContent).toContain('全部签署完成')
    meeting.stop()
  })

  test('a demo meeting (no layout) keeps the meeting name and no pictures', async () => {
    const { meeting } = await open(() => board(false, null))
    expect(q('meeting-title')?.textContent).toBe('2026 战略合作签约仪式')
    expect(q('meeting-logo')).toBeNull()
    expect(q('meeting-background')).toBeNull()
    meeting.stop()
  })

  test('全屏 asks the browser for full screen and the label follows the browser', async () => {
    let element: Element | null = null
    const request = jest.fn(async () => {
      element = document.documentElement
      document.dispatchEvent(new Event('fullscreenchange'))
    })
    Object.defineProperty(document.documentElement, 'requestFullscreen', { configurable: true, value: request })
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => element })
    Object.defineProperty(document, 'exitFullscreen', {
      configurable: true,
      value: async () => {
        element = null
        document.dispatchEvent(new Event('fullscreenchange'))
      }
    })
    const { t, meeting } = await open(() => board(false, null))
    const button = q('meeting-fullscreen')!
    expect(button.textContent).toBe('全屏')
    t.fireEvent.click(button)
    await flush(10)
    expect(request).toHaveBeenCalled()
    expect(q('meeting-fullscreen')?.textContent).toBe('退出全屏')
    t.fireEvent.click(q('meeting-fullscreen')!)
    await flush(10)
    expect(q('meeting-fullscreen')?.textContent).toBe('全屏')
    meeting.stop()
  })
})
