import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { InkSealService, MeetingBoard } from '@/services/types'

/** Polling period of the meeting screen: a signature shows within 2 s (one period + latency). */
export const MEETING_POLL_MS = 1000

/**
 * The initiator's meeting screen (会中签约): the board of one meeting, polled while the screen
 * is open. A failed poll keeps the last board and shows a notice; polling goes on.
 */
export class MeetingStore {
  board: MeetingBoard | null = null
  error: string | null = null
  /** Fatal: wrong key or unknown meeting; polling stops */
  fatal = false
  selectedFlowId: string | null = null
  view: 'screen' | 'results' = 'screen'
  private timer: ReturnType<typeof setTimeout> | null = null
  private target: { meetingId: string; boardKey: string } | null = null
  private inFlight = false

  constructor(
    private readonly service: InkSealService,
    private readonly pollMs = MEETING_POLL_MS
  ) {
    makeAutoObservable<MeetingStore, 'service' | 'pollMs' | 'timer' | 'target' | 'inFlight'>(this, {
      service: false,
      pollMs: false,
      timer: false,
      target: false,
      inFlight: false
    })
  }

  get selected() {
    const flows = this.board?.flows ?? []
    return flows.find((f) => f.flowId === this.selectedFlowId) ?? flows[0] ?? null
  }

  select(flowId: string): void {
    this.selectedFlowId = flowId
    this.view = 'screen'
  }

  setView(v: 'screen' | 'results'): void {
    this.view = v
  }

  start(meetingId: string, boardKey: string): void {
    this.stop()
    this.target = { meetingId, boardKey }
    this.fatal = false
    this.error = null
    void this.poll()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.target = null
  }

  /** One poll; schedules the next while started. */
  async poll(): Promise<void> {
    const target = this.target
    if (!target || this.inFlight) return
    this.inFlight = true
    try {
      const board = await this.service.getMeetingBoard(target)
      runInAction(() => {
        this.board = board
        this.error = null
      })
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.error = err.message
        if (!err.transient) this.fatal = true
      })
    } finally {
      this.inFlight = false
    }
    if (this.target === target && !this.fatal) {
      this.timer = setTimeout(() => void this.poll(), this.pollMs)
    }
  }
}
