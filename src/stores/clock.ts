import { makeAutoObservable } from 'mobx'

/**
 * An observable clock: `time` is the injected now() as of the last tick. `tickWhile` keeps a
 * 1 s ticker running while any of its conditions holds (an SMS resend countdown); tests drive
 * time by changing what now() returns and calling `tick()` (or advancing fake timers).
 */
export class Clock {
  time: number
  private timer: ReturnType<typeof setInterval> | null = null
  private active: Array<() => boolean> = []

  constructor(
    private readonly read: () => number = () => Date.now(),
    private readonly intervalMs = 1000
  ) {
    this.time = read()
    makeAutoObservable<Clock, 'read' | 'intervalMs' | 'timer' | 'active'>(this, {
      read: false,
      intervalMs: false,
      timer: false,
      active: false,
      now: false
    })
  }

  /** The time now (not observed). */
  now(): number {
    return this.read()
  }

  /** Reads the time; stops the ticker when nothing needs it any more. */
  tick(): void {
    this.time = this.read()
    this.active = this.active.filter((f) => f())
    if (this.active.length === 0) this.stop()
  }

  /**
   * Ticks every second while `condition()` holds (checked after each tick). The returned
   * function drops the condition at once (and stops the ticker when nothing else needs it).
   */
  tickWhile(condition: () => boolean): () => void {
    this.time = this.read()
    const cancel = () => {
      this.active = this.active.filter((f) => f !== condition)
      if (this.active.length === 0) this.stop()
    }
    if (!condition()) return cancel
    this.active.push(condition)
    if (!this.timer) this.timer = setInterval(() => this.tick(), this.intervalMs)
    return cancel
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  dispose(): void {
    this.active = []
    this.stop()
  }
}
