import { parseEntry } from '@/domain/entryLink'
import { createSandbox, DEMO_FLOWS, DEMO_PEOPLE } from '@sandbox'
import { ServiceError } from '@/services/errors'
import type { InkSealService } from '@/services/types'
import { MeetingStore } from '@/stores/MeetingStore'
import { serviceFor, transportName } from './helpers'

const T0 = Date.UTC(2026, 10, 21, 2, 0, 0)

function setup() {
  const clock = { t: T0 }
  const sandbox = createSandbox({ seed: 3, now: () => clock.t, latency: { min: 0, max: 0 }, linkBase: 'http://localhost:10086' })
  const [meeting] = sandbox.dev.listMeetings()
  const key = /[?&]k=([^&]+)/.exec(meeting.screenLink)![1]
  return { clock, sandbox, service: serviceFor(sandbox), meeting, key }
}

describe('meeting board (sandbox)', () => {
  test('the demo meeting holds both strategic flows, each with a signing link the QR entry accepts', async () => {
    const { service, meeting, key, clock } = setup()
    expect(meeting.name).toBe('2026 数字经济战略签约仪式')
    expect(meeting.screenLink).toMatch(/^http:\/\/localhost:10086\/#\/packages\/meeting\/pages\/screen\/index\?m=MT\w+&k=\w{16}$/)
    const board = await service.getMeetingBoard({ meetingId: meeting.meetingId, boardKey: key })
    expect(board.flows.map((f) => f.flowId)).toEqual([DEMO_FLOWS.STRATEGIC, DEMO_FLOWS.STRATEGIC_LAB])
    expect(board.allSigned).toBe(false)
    const strategic = board.flows[0]
    expect(strategic.signers).toHaveLength(4)
    expect(strategic.signers.every((s) => s.status === 'PENDING')).toBe(true)
    expect(strategic.signedCount).toBe(0)
    // The QR carries the same payload the entry accepts, and the backend resolves it.
    const parsed = parseEntry(strategic.signLink, { allowedHosts: ['localhost:10086'], now: clock.t })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const r = await service.resolveEntry({ flowId: parsed.payload.id, linkToken: parsed.payload.token })
    expect(r.flow.title).toBe('战略合作框架协议')
    // Nothing personal in clear
    const json = JSON.stringify(board)
    for (const p of Object.values(DEMO_PEOPLE)) {
      expect(json).not.toContain(p.mobile)
      expect(json).not.toContain(p.idNumber)
    }
  })

  test('a wrong board key is FORBIDDEN, an unknown meeting MEETING_NOT_FOUND', async () => {
    const { service, meeting } = setup()
    await expect(service.getMeetingBoard({ meetingId: meeting.meetingId, boardKey: 'x'.repeat(16) })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(service.getMeetingBoard({ meetingId: 'MTNOPE', boardKey: 'x' })).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' })
    await expect(service.getMeetingBoard({ meetingId: '', boardKey: '' } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})

// Polling logic with fake timers: transport-independent (fake timers cannot drive real sockets).
;(transportName() === 'http' ? describe.skip : describe)('MeetingStore', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  test('polls every second, keeps the last board through a network failure, stops on stop()', async () => {
    const { sandbox, meeting, key } = setup()
    let calls = 0
    let failNext = false
    const service = {
      ...sandbox,
      getMeetingBoard: async (input: { meetingId: string; boardKey: string }) => {
        calls++
        if (failNext) {
          failNext = false
          throw new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')
        }
        return sandbox.getMeetingBoard(input)
      }
    } as InkSealService
    const store = new MeetingStore(service, 1000)
    store.start(meeting.meetingId, key)
    await jest.advanceTimersByTimeAsync(0)
    expect(calls).toBe(1)
    expect(store.board?.flows).toHaveLength(2)
    expect(store.selected?.flowId).toBe(DEMO_FLOWS.STRATEGIC)

    failNext = true
    await jest.advanceTimersByTimeAsync(1000)
    expect(calls).toBe(2)
    expect(store.error).toContain('网络')
    expect(store.board).not.toBeNull() // the last board stays on screen
    expect(store.fatal).toBe(false)

    await jest.advanceTimersByTimeAsync(1000)
    expect(calls).toBe(3)
    expect(store.error).toBeNull()

    store.select(DEMO_FLOWS.STRATEGIC_LAB)
    expect(store.selected?.title).toBe('联合创新实验室共建协议')

    store.stop()
    await jest.advanceTimersByTimeAsync(5000)
    expect(calls).toBe(3)
  })

  test('a wrong key is fatal: the message shows and polling stops', async () => {
    const { sandbox, meeting } = setup()
    const store = new MeetingStore(sandbox, 1000)
    store.start(meeting.meetingId, 'wrong-key-000000')
    await jest.advanceTimersByTimeAsync(0)
    expect(store.fatal).toBe(true)
    expect(store.error).toContain('大屏凭证无效')
    const spy = jest.spyOn(sandbox, 'getMeetingBoard')
    await jest.advanceTimersByTimeAsync(5000)
    expect(spy).not.toHaveBeenCalled()
  })
})
