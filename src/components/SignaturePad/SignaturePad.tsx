import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react'
import {
  checkQuality,
  emptyData,
  exportHandwriting,
  SignaturePadCore,
  type PadChange,
  type PadInputHandlers,
  type PadSurface,
  type PngImage,
  type QualityResult,
  type SignatureData
} from '@/domain/signature'
import * as canvas from '@/platform/canvas'

/** What the pad page (or any host) can do with the pad. */
export interface SignaturePadHandle {
  /** Removes the last stroke; false when there was none. */
  undo(): boolean
  clear(): void
  isEmpty(): boolean
  /** Quality rules (domain/signature/quality.ts) on what is drawn now. */
  checkQuality(): QualityResult
  /** Trimmed transparent PNG of the handwriting; null when empty or not ready. */
  exportPng(): Promise<PngImage | null>
  /** The strokes (pad coordinates); null before the canvas is ready. */
  toData(): SignatureData | null
  /** Ends a stroke still in progress (before the page hides), which saves it. */
  finish(): void
}

export interface SignaturePadProps {
  /** id of the canvas element; unique on the page */
  canvasId?: string
  /** strokes to show when the canvas is ready (a restored draft); read once */
  initialData?: SignatureData | null
  /** quarter turns the page is rotated by CSS (H5 landscape emulation), for input mapping */
  quarterTurns?: number
  className?: string
  onReady?(): void
  /** once per stroke, at pen-down (never per move) */
  onStrokeStart?(): void
  /** after a stroke ends, an undo or a clear, with all strokes (save the draft here) */
  onChange?(data: SignatureData, change: PadChange): void
}

const RETRIES = 20
const RESIZE_DEBOUNCE_MS = 120

/**
 * Hosts the canvas and wires platform input to the drawing core (domain SignaturePadCore).
 * Nothing React-side changes while drawing: moves go straight to the core, which draws on
 * the canvas node; React hears about a stroke only at its start and end.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad(props, ref) {
  const id = props.canvasId || 'inkseal-sign-pad'
  const coreRef = useRef<SignaturePadCore | null>(null)
  const surfaceRef = useRef<PadSurface | null>(null)
  const propsRef = useRef(props)
  propsRef.current = props
  const turnsRef = useRef(props.quarterTurns || 0)
  turnsRef.current = props.quarterTurns || 0
  const remeasureRef = useRef<() => void>(() => undefined)

  const input = useMemo<PadInputHandlers>(
    () => ({
      start(x, y, t) {
        const core = coreRef.current
        const s = surfaceRef.current
        if (!core || !s) return
        if (!canvas.surfaceIntact(s)) restoreSurface(core, s)
        core.begin(x, y, t)
      },
      move(x, y, t) {
        coreRef.current?.move(x, y, t)
      },
      end() {
        coreRef.current?.end()
      }
    }),
    []
  )
  const touchProps = useMemo(() => canvas.canvasTouchProps(() => (coreRef.current ? input : null)), [input])

  useEffect(() => {
    let disposed = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let detachInput = () => undefined as void
    let offResize = () => undefined as void

    const onChange = (change: PadChange) => {
      const core = coreRef.current
      const p = propsRef.current
      if (!core) return
      if (change === 'begin') p.onStrokeStart?.()
      else if (change === 'end' || change === 'undo' || change === 'clear') p.onChange?.(core.toData(), change)
    }

    const remeasure = async () => {
      const core = coreRef.current
      if (!core || disposed) return
      const s = await canvas.querySurface(id)
      if (!s || disposed) return
      surfaceRef.current = s
      core.setContext(s.ctx)
      core.resize(s.width, s.height)
    }
    remeasureRef.current = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => void remeasure(), RESIZE_DEBOUNCE_MS)
    }

    const setup = async (attempt: number) => {
      const s = await canvas.querySurface(id)
      if (disposed) return
      if (!s) {
        // not laid out yet (or no canvas here at all): try again a little later
        if (attempt < RETRIES) timer = setTimeout(() => void setup(attempt + 1), 50 * Math.min(attempt + 1, 4))
        return
      }
      surfaceRef.current = s
      const core = new SignaturePadCore({
        ctx: s.ctx,
        width: s.width,
        height: s.height,
        requestFrame: canvas.frameScheduler(s),
        onChange
      })
      coreRef.current = core
      const initial = propsRef.current.initialData
      if (initial && initial.strokes.length) core.fromData(initial)
      detachInput = canvas.attachInput(s, input, () => turnsRef.current)
      offResize = canvas.onViewportResize(() => remeasureRef.current())
      propsRef.current.onReady?.()
    }

    Taro.nextTick(() => void setup(0))
    return () => {
      disposed = true
      if (timer) clearTimeout(timer)
      detachInput()
      offResize()
      coreRef.current?.end()
      coreRef.current = null
      surfaceRef.current = null
    }
  }, [id, input])

  // the page turned (H5 landscape emulation): the layout changed, measure again
  useEffect(() => {
    if (coreRef.current) remeasureRef.current()
  }, [props.quarterTurns])

  useImperativeHandle(
    ref,
    () => ({
      undo: () => coreRef.current?.undo() ?? false,
      clear: () => coreRef.current?.clear(),
      isEmpty: () => coreRef.current?.isEmpty() ?? true,
      checkQuality: () => {
        const core = coreRef.current
        return checkQuality(core ? core.toData() : emptyData(1, 1))
      },
      toData: () => coreRef.current?.toData() ?? null,
      finish: () => coreRef.current?.end(),
      exportPng: async () => {
        const core = coreRef.current
        if (!core) return null
        core.end()
        if (core.isEmpty()) return null
        const data = core.toData()
        const color = core.penOptions.color
        try {
          const img = await exportHandwriting(data, canvas.createImageCanvas, color)
          if (img) return img
        } catch {
          // no offscreen canvas or it could not encode: borrow the visible one below
        }
        const s = surfaceRef.current
        if (!s) return null
        try {
          return await exportHandwriting(data, (w, h) => canvas.borrowSurface(s, w, h), color)
        } finally {
          restoreSurface(core, s)
        }
      }
    }),
    []
  )

  return (
    <View className={`pad-surface${props.className ? ' ' + props.className : ''}`}>
      <Canvas type='2d' id={id} className='pad-canvas' disableScroll {...touchProps} />
    </View>
  )
})

/** The bitmap was reset or borrowed: size it again and redraw from the point data. */
function restoreSurface(core: SignaturePadCore, s: PadSurface): void {
  const again = canvas.prepareSurface(s.node, s.width, s.height, canvas.pixelRatio())
  if (!again) return
  Object.assign(s, again)
  core.setContext(again.ctx)
  core.redraw()
}
