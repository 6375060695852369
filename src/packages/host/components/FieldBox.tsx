import { observer } from 'mobx-react'
import { useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react'
import type { FieldDraft } from '@/domain/meeting/setup'
import { FIELD_TYPE_LABEL } from '@/components/contract/labels'
import type { HostStore } from '@/stores/host/HostStore'
import type { DragMode } from '@/stores/host/fields'
import { signerColor } from './colors'

interface DragState {
  pointerId: number
  startX: number
  startY: number
  width: number
  height: number
  /** The newest offset not yet applied, and its animation frame */
  pending: { dx: number; dy: number } | null
  frame: number
}

/**
 * A placed field on the page, moved by dragging its body and resized by its corner handle.
 * Pointer moves are kept in a ref and applied once per animation frame (one MobX action), so
 * a fast drag re-renders this box at most once a frame and no React state changes per move.
 */
export const FieldBox = observer(function FieldBox({ host, field, pageRef }: { host: HostStore; field: FieldDraft; pageRef: RefObject<HTMLDivElement> }) {
  const drag = useRef<DragState | null>(null)
  const signerIndex = host.meeting.signers.findIndex((s) => s.key === field.signerKey)
  const signer = host.meeting.signers[signerIndex]
  const selected = host.fields.selectedKey === field.key
  const invalid = !!host.error(`fields.${field.key}`)
  const color = signerColor(signerIndex)

  const flush = () => {
    const d = drag.current
    if (!d) return
    d.frame = 0
    if (d.pending) host.fields.dragBy(d.pending.dx, d.pending.dy)
    d.pending = null
  }

  const start = (mode: DragMode) => (e: ReactPointerEvent<HTMLDivElement>) => {
    e.stopPropagation()
    e.preventDefault()
    const rect = pageRef.current?.getBoundingClientRect()
    if (!rect || !rect.width || !rect.height) return
    host.fields.beginDrag(field.key, mode)
    drag.current = { pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, width: rect.width, height: rect.height, pending: null, frame: 0 }
    e.currentTarget.setPointerCapture?.(e.pointerId)
  }

  const move = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d || e.pointerId !== d.pointerId) return
    d.pending = { dx: (e.clientX - d.startX) / d.width, dy: (e.clientY - d.startY) / d.height }
    if (!d.frame) d.frame = requestAnimationFrame(flush)
  }

  const end = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d || e.pointerId !== d.pointerId) return
    if (d.frame) cancelAnimationFrame(d.frame)
    flush()
    drag.current = null
    host.fields.endDrag()
  }

  return (
    <div
      className={`host-field ${selected ? 'host-field--on' : ''} ${invalid ? 'host-field--bad' : ''}`}
      style={{
        left: `${field.x * 100}%`,
        top: `${field.y * 100}%`,
        width: `${field.w * 100}%`,
        height: `${field.h * 100}%`,
        borderColor: color,
        background: `${color}22`
      }}
      onPointerDown={start('move')}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={end}
      data-testid='host-field'
      data-type={field.type}
      data-signer={signerIndex}
      data-key={field.key}
    >
      <span className='host-field__label' style={{ color }}>
        {signer?.role.trim() || `签署方${signerIndex + 1}`} {FIELD_TYPE_LABEL[field.type]}
      </span>
      <div
        className='host-field__handle'
        style={{ background: color }}
        onPointerDown={start('resize')}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        data-testid='host-field-resize'
      />
    </div>
  )
})
