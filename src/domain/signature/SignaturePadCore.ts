import { fitData } from './geometry'
import { drawAll, drawDot, drawStrokeSegment, type PadContext2D } from './render'
import { cloneData, penWith, type PenOptions, type SignatureData, type SignaturePoint, type Stroke } from './types'
import { brushTip, VelocityWidthFilter } from './width'

export type PadChange = 'begin' | 'end' | 'undo' | 'clear' | 'load' | 'resize'

export interface SignaturePadCoreOptions {
  /** drawing context of the visible canvas, already scaled to CSS px by the host */
  ctx: PadContext2D
  /** pad size, CSS px */
  width: number
  height: number
  pen?: Partial<PenOptions>
  /** clock for points given without a time (ms) */
  now?: () => number
  /**
   * Schedules work for the next display frame (canvas.requestAnimationFrame on WeChat,
   * window.requestAnimationFrame on H5). Moves are queued and drawn once per frame; without
   * it every move is drawn at once.
   */
  requestFrame?: (cb: () => void) => void
  /** Called once per stroke start/end, undo, clear, load and resize; never per move. */
  onChange?: (change: PadChange) => void
}

interface RawPoint {
  x: number
  y: number
  t: number
}

/**
 * The drawing core, shared by WeChat and H5 (the host only supplies a context, a clock and a
 * frame scheduler). It keeps the strokes as point data and draws incrementally: each move
 * draws only the newly settled curve segment, never the whole signature. Everything else
 * (undo, clear, resize, restore) is a redraw from the point data.
 *
 * A segment p[i] -> p[i+1] is drawn once p[i+2] is known (its arriving tangent needs it), or
 * at pen-up; so ink trails the pen by one sample (a few ms).
 */
export class SignaturePadCore {
  private ctx: PadContext2D
  private readonly pen: PenOptions
  private readonly now: () => number
  private readonly requestFrame: ((cb: () => void) => void) | null
  private readonly onChange: (change: PadChange) => void
  private widthPx: number
  private heightPx: number
  private strokes: Stroke[] = []
  private current: Stroke | null = null
  /** index of the first point of the next segment to draw in `current` */
  private drawnUpTo = 0
  private filter: VelocityWidthFilter
  private queue: RawPoint[] = []
  private frameRequested = false

  constructor(opts: SignaturePadCoreOptions) {
    this.ctx = opts.ctx
    this.pen = penWith(opts.pen)
    this.now = opts.now ?? (() => Date.now())
    this.requestFrame = opts.requestFrame ?? null
    this.onChange = opts.onChange ?? (() => undefined)
    this.widthPx = opts.width
    this.heightPx = opts.height
    this.filter = new VelocityWidthFilter(this.pen)
  }

  get width(): number {
    return this.widthPx
  }

  get height(): number {
    return this.heightPx
  }

  get penOptions(): PenOptions {
    return this.pen
  }

  /** True while the pen is down. */
  get drawing(): boolean {
    return this.current !== null
  }

  get strokeCount(): number {
    return this.strokes.length
  }

  isEmpty(): boolean {
    return this.strokes.length === 0
  }

  /** Swaps the context (the host re-created or re-sized the canvas); does not redraw. */
  setContext(ctx: PadContext2D): void {
    this.ctx = ctx
  }

  // ----------------------------------------------------------------------------- input

  begin(x: number, y: number, t?: number): void {
    if (this.current) this.end()
    const p = this.filter.begin(x, y, t ?? this.now())
    this.current = { points: [p] }
    this.strokes.push(this.current)
    this.drawnUpTo = 0
    drawDot(this.ctx, p, this.pen.color)
    this.onChange('begin')
  }

  move(x: number, y: number, t?: number): void {
    if (!this.current) return
    this.queue.push({ x, y, t: t ?? this.now() })
    if (!this.requestFrame) {
      this.flush()
      return
    }
    if (!this.frameRequested) {
      this.frameRequested = true
      this.requestFrame(() => {
        this.frameRequested = false
        this.flush()
      })
    }
  }

  /** Processes queued moves now (the frame callback does this; pen-up and tests too). */
  flush(): void {
    const stroke = this.current
    const queued = this.queue
    this.queue = []
    if (!stroke) return
    for (const q of queued) {
      const p = this.filter.next(q.x, q.y, q.t)
      if (!p) continue
      stroke.points.push(p)
      this.drawSettled(stroke, false)
    }
  }

  end(x?: number, y?: number, t?: number): void {
    if (!this.current) return
    if (x !== undefined && y !== undefined) this.queue.push({ x, y, t: t ?? this.now() })
    this.flush()
    const stroke = this.current
    stroke.points.push(...brushTip(stroke.points, this.filter.speed, this.pen))
    this.drawSettled(stroke, true)
    this.current = null
    this.onChange('end')
  }

  /** Draws the segments of `stroke` whose shape is now final. */
  private drawSettled(stroke: Stroke, finished: boolean): void {
    const pts = stroke.points
    // segment i -> i+1 is final when point i+2 exists, or when the stroke is finished
    const last = finished ? pts.length - 2 : pts.length - 3
    while (this.drawnUpTo <= last) {
      drawStrokeSegment(this.ctx, pts, this.drawnUpTo, this.pen.color)
      this.drawnUpTo++
    }
  }

  // ----------------------------------------------------------------------------- editing

  /** Removes the last stroke. False when there was none. */
  undo(): boolean {
    if (this.current) this.end()
    if (!this.strokes.length) return false
    this.strokes.pop()
    this.redraw()
    this.onChange('undo')
    return true
  }

  clear(): void {
    this.current = null
    this.queue = []
    this.strokes = []
    this.wipe()
    this.onChange('clear')
  }

  /** Clears the canvas and draws every stroke again from the point data. */
  redraw(): void {
    this.wipe()
    drawAll(this.ctx, this.strokes, this.pen.color)
  }

  private wipe(): void {
    // a pixel of slack: the bitmap is rounded to whole device pixels
    this.ctx.clearRect(-1, -1, this.widthPx + 2, this.heightPx + 2)
  }

  /** The pad changed size: strokes are scaled to fit (shape and centring kept) and redrawn. */
  resize(width: number, height: number): void {
    if (this.current) this.end()
    if (width === this.widthPx && height === this.heightPx) {
      this.redraw()
      return
    }
    if (this.widthPx > 0 && this.heightPx > 0 && this.strokes.length) {
      this.strokes = fitData(this.toData(), width, height).strokes
    }
    this.widthPx = width
    this.heightPx = height
    this.redraw()
    this.onChange('resize')
  }

  // ----------------------------------------------------------------------------- data

  /** A copy of the strokes (a stroke still being drawn included). */
  toData(): SignatureData {
    return cloneData({ width: this.widthPx, height: this.heightPx, strokes: this.strokes })
  }

  /** Replaces the strokes (a restored draft), fitted to this pad, and redraws. */
  fromData(d: SignatureData): void {
    this.current = null
    this.queue = []
    const fitted = d.width === this.widthPx && d.height === this.heightPx ? cloneData(d) : fitData(d, this.widthPx, this.heightPx)
    this.strokes = fitted.strokes.filter((s) => s.points.length > 0)
    this.redraw()
    this.onChange('load')
  }

  /** Points of the last stroke (for tests and diagnostics). */
  lastStroke(): readonly SignaturePoint[] {
    return this.strokes.length ? this.strokes[this.strokes.length - 1].points : []
  }
}
