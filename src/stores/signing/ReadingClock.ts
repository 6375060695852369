import { makeAutoObservable, runInAction } from 'mobx'
import type { ContractView } from '@/services/types'
import type { ContractPages } from './ContractPages'
import type { SigningCore } from './SigningCore'

/**
 * Forced reading: the countdown from the server's `reading.remainingMs`, "reached the last
 * page" (the last page's image was fetched), and the 1 s ticker that opens the gate
 * (READING → FILLING through the machine) once both hold. `clock` is also the time the other
 * countdowns (SMS resend) and the date fields read; it comes from the injected time source.
 */
export class ReadingClock {
  /** Clock for countdowns (refreshed by the ticker, or by tests through refreshClock) */
  clock: number
  private readingDeadline = 0
  private ticker: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly core: SigningCore,
    private readonly pages: ContractPages
  ) {
    this.clock = core.now()
    makeAutoObservable<ReadingClock, 'core' | 'pages' | 'ticker'>(this, { core: false, pages: false, ticker: false }, { autoBind: true })
  }

  /** A (re)loaded contract: the countdown starts from what the server says is left. */
  restart(contract: ContractView): void {
    this.clock = this.core.now()
    this.readingDeadline = this.clock + Math.max(0, contract.reading.remainingMs)
  }

  /** Reads the time source now. */
  tick(): void {
    this.clock = this.core.now()
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
      this.clock = this.core.now()
      if (this.core.phase === 'READING' && this.core.contract?.canSign && this.readingSatisfied) {
        this.core.fire('READ_DONE')
        this.stopTicker()
      }
    })
  }

  startTicker(): void {
    this.stopTicker()
    this.ticker = setInterval(() => this.refreshClock(), 1000)
  }

  stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker)
    this.ticker = null
  }
}
