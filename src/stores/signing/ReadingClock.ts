import { makeAutoObservable, runInAction } from 'mobx'
import type { ContractView } from '@/services/types'
import { Clock } from '@/stores/clock'
import type { ContractPages } from './ContractPages'
import type { SigningCore } from './SigningCore'

/**
 * Forced reading: the countdown from the server's `reading.remainingMs`, "reached the last
 * page" (the last page's image was fetched), and the 1 s ticker that opens the gate
 * (READING → FILLING through the machine) once both hold. Its time is the one observable clock
 * (stores/clock.ts) on the injected time source, which the other countdowns (SMS resend) and
 * the date fields read as `clock`.
 */
export class ReadingClock {
  readonly time: Clock
  private readingDeadline = 0
  private stopTicking: (() => void) | null = null

  constructor(
    private readonly core: SigningCore,
    private readonly pages: ContractPages
  ) {
    this.time = new Clock(core.now)
    makeAutoObservable<ReadingClock, 'core' | 'pages' | 'stopTicking'>(this, { core: false, pages: false, time: false, stopTicking: false }, { autoBind: true })
  }

  /** The time of the last tick (refreshed by the ticker, or by tests through refreshClock) */
  get clock(): number {
    return this.time.time
  }

  /** A (re)loaded contract: the countdown starts from what the server says is left. */
  restart(contract: ContractView): void {
    this.time.tick()
    this.readingDeadline = this.time.time + Math.max(0, contract.reading.remainingMs)
  }

  /** Reads the time source now. */
  tick(): void {
    this.time.tick()
  }

  get forced(): ContractView['options']['forcedReading'] {
    return this.core.contract?.options.forcedReading ?? null
  }

  /** Seconds of forced reading left (0 when done or not forced). */
  get readingSecondsLeft(): number {
    const c = this.core.contract
    if (!c || c.reading.satisfied) return 0
    return Math.max(0, Math.ceil((this.readingDeadline - this.clock) / 1000))
  }

  get needsLastPage(): boolean {
    const c = this.core.contract
    if (!c || c.reading.satisfied) return false
    return !!c.options.forcedReading?.mustReachLastPage && !this.pages.lastPageFetched
  }

  get readingSatisfied(): boolean {
    const c = this.core.contract
    if (!c) return false
    if (c.reading.satisfied) return true
    return this.readingSecondsLeft === 0 && !this.needsLastPage
  }

  /** What the sign button says while reading is forced. */
  get readingPrompt(): string | null {
    if (this.readingSatisfied) return null
    const left = this.readingSecondsLeft
    if (left > 0 && this.needsLastPage) return `请阅读合同 ${left} 秒并滑动至最后一页`
    if (left > 0) return `请阅读合同 ${left} 秒`
    return '请滑动阅读至合同最后一页'
  }

  /** Advances the countdown clock; opens the gate when reading is done. */
  refreshClock(): void {
    runInAction(() => {
      this.time.tick()
      this.openGate()
    })
  }

  /** READING → FILLING once reading is done; true while the gate is still closed. */
  private openGate(): boolean {
    if (this.core.phase !== 'READING' || !this.core.contract?.canSign) return false
    if (!this.readingSatisfied) return true
    this.core.fire('READ_DONE')
    return false
  }

  /** Ticks every second (on the clock) until the gate opens or the ticker is stopped. */
  startTicker(): void {
    this.stopTicker()
    this.stopTicking = this.time.tickWhile(() => runInAction(() => this.openGate()))
  }

  stopTicker(): void {
    this.stopTicking?.()
    this.stopTicking = null
  }
}
