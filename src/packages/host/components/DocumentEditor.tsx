import { Button, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react'
import type { FieldType } from '@/domain/contract/fields'
import { FIELD_TYPES_FOR } from '@/domain/meeting/setup'
import { FIELD_TYPE_LABEL } from '@/components/contract/labels'
import type { HostStore } from '@/stores/host/HostStore'
import { signerColor } from './colors'
import { FieldBox } from './FieldBox'

/** Further than this (px) from where it was pressed, a palette press is a drag, not a tap. */
const TAP_SLOP = 6

/**
 * The palette: pick the signer, then drag a field kind onto the page (or tap it to put one in
 * the middle of the page shown). The drag is followed with window listeners, not React state.
 */
const Palette = observer(function Palette({ host, pageRef }: { host: HostStore; pageRef: RefObject<HTMLDivElement> }) {
  const signer = host.activeSigner
  const down = (type: FieldType) => (e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault()
    const x0 = e.clientX
    const y0 = e.clientY
    const up = (ev: PointerEvent) => {
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', cancel)
      const rect = pageRef.current?.getBoundingClientRect()
      if (Math.hypot(ev.clientX - x0, ev.clientY - y0) < TAP_SLOP) {
        host.placeField(type)
      } else if (rect && ev.clientX >= rect.left && ev.clientX <= rect.right && ev.clientY >= rect.top && ev.clientY <= rect.bottom) {
        host.placeField(type, (ev.clientX - rect.left) / rect.width, (ev.clientY - rect.top) / rect.height)
      }
    }
    const cancel = () => {
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', cancel)
    }
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', cancel)
  }
  return (
    <View className='host-palette' data-testid='host-palette'>
      <Text className='host-palette__label'>为谁放置</Text>
      <View className='host-palette__signers'>
        {host.meeting.signers.map((s, i) => (
          <Button
            key={s.key}
            className={`host-chip ${s.key === host.activeSignerKey ? 'host-chip--on' : ''}`}
            style={{
              borderColor: signerColor(i),
              color: s.key === host.activeSignerKey ? '#fff' : signerColor(i),
              background: s.key === host.activeSignerKey ? signerColor(i) : '#fff'
            }}
            onClick={() => host.setActiveSigner(s.key)}
            data-testid={`host-palette-signer-${i}`}
          >
            {s.role.trim() || `签署方${i + 1}`} {s.name.trim()}
            {s.kind === 'ENTERPRISE' ? '（企业）' : ''}
          </Button>
        ))}
      </View>
      <Text className='host-palette__label'>拖动控件到页面上</Text>
      <View className='host-palette__kinds'>
        {signer
          ? FIELD_TYPES_FOR[signer.kind].map((t) => (
              <div key={t} className='host-kind' onPointerDown={down(t)} data-testid={`host-palette-${t}`}>
                {FIELD_TYPE_LABEL[t]}
              </div>
            ))
          : null}
      </View>
      {host.fields.error ? (
        <Text className='error' data-testid='host-field-error'>
          {host.fields.error}
        </Text>
      ) : null}
    </View>
  )
})

const Thumbs = observer(function Thumbs({ host }: { host: HostStore }) {
  const doc = host.document
  return (
    <View className='host-thumbs' data-testid='host-thumbs'>
      {doc.pages.map((p, i) => (
        <View key={i} className={`host-thumb ${i === host.currentPage ? 'host-thumb--on' : ''}`} onClick={() => host.setPage(i)} data-testid='host-thumb'>
          {p ? <img className='host-thumb__img' src={p.url} alt='' loading='lazy' draggable={false} /> : <View className='host-thumb__wait' />}
          <Text className='host-thumb__num'>
            {i + 1}
            {host.fields.onPage(i).length ? ` · ${host.fields.onPage(i).length}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
})

const PageView = observer(function PageView({ host, pageRef }: { host: HostStore; pageRef: RefObject<HTMLDivElement> }) {
  const doc = host.document
  const n = host.currentPage
  const page = doc.pages[n]
  return (
    <View className='host-pagewrap'>
      <div
        ref={pageRef}
        className='host-page'
        style={{ aspectRatio: page ? `${page.widthPt} / ${page.heightPt}` : '1 / 1.414' }}
        onPointerDown={() => host.fields.select(null)}
        data-testid='host-page'
        data-page={n}
      >
        {page ? (
          <img className='host-page__img' src={page.url} alt={`第 ${n + 1} 页`} draggable={false} />
        ) : (
          <Text className='hint'>正在加载第 {n + 1} 页…</Text>
        )}
        {host.fields.onPage(n).map((f) => (
          <FieldBox key={f.key} host={host} field={f} pageRef={pageRef} />
        ))}
      </div>
      <View className='host-pager'>
        <button type='button' className='host-pager__btn' disabled={n === 0} onClick={() => host.setPage(n - 1)} data-testid='host-prev-page'>
          上一页
        </button>
        <Text data-testid='host-page-num'>
          第 {n + 1} / {doc.pageCount} 页
        </Text>
        <button type='button' className='host-pager__btn' disabled={n >= doc.pageCount - 1} onClick={() => host.setPage(n + 1)} data-testid='host-next-page'>
          下一页
        </button>
      </View>
    </View>
  )
})

const Inspector = observer(function Inspector({ host }: { host: HostStore }) {
  const f = host.fields.selected
  if (!f) return <Text className='hint host-inspector'>点选页面上的控件可更换签署方或删除（Delete 键）；拖动或方向键移动，拖右下角调整大小。</Text>
  return (
    <View className='host-inspector' data-testid='host-inspector'>
      <Text className='card__title'>
        {FIELD_TYPE_LABEL[f.type]} · 第 {f.page + 1} 页
      </Text>
      <Text className='hint'>签署方</Text>
      <View className='host-palette__signers'>
        {host.meeting.signers.map((s, i) => (
          <Button
            key={s.key}
            className={`host-chip ${s.key === f.signerKey ? 'host-chip--on' : ''}`}
            style={{
              borderColor: signerColor(i),
              color: s.key === f.signerKey ? '#fff' : signerColor(i),
              background: s.key === f.signerKey ? signerColor(i) : '#fff'
            }}
            onClick={() => host.reassignField(f.key, s.key)}
          >
            {s.role.trim() || `签署方${i + 1}`}
          </Button>
        ))}
      </View>
      {host.error(`fields.${f.key}`) ? <Text className='error'>{host.error(`fields.${f.key}`)}</Text> : null}
      <Button className='btn btn--small btn--ghost' onClick={() => host.fields.remove(f.key)} data-testid='host-field-delete'>
        删除控件
      </Button>
    </View>
  )
})

/** Arrow keys nudge the selected field by this page fraction (Shift: ten times). */
const NUDGE = 0.002

/** Delete / Backspace remove the selected field, the arrows nudge it (not while typing). */
function useFieldKeys(host: HostStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (!host.fields.selected || (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) || target?.isContentEditable) return
      const step = e.shiftKey ? NUDGE * 10 : NUDGE
      const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }
      if (e.key === 'Delete' || e.key === 'Backspace') host.fields.remove(host.fields.selected.key)
      else if (moves[e.key]) host.fields.nudge(...moves[e.key])
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [host])
}

/** Pages (thumbnails and the page shown), the palette, the placed fields, the seal warning. */
export const DocumentEditor = observer(function DocumentEditor({ host }: { host: HostStore }) {
  const pageRef = useRef<HTMLDivElement>(null)
  useFieldKeys(host)
  if (!host.document.loaded) return null
  return (
    <View className='card host-editor' data-testid='host-editor'>
      <Text className='card__title'>放置签署控件</Text>
      {host.warnings.map((w) => (
        <Text key={w} className='host-warn' data-testid='host-seal-warning'>
          {w}
        </Text>
      ))}
      <Palette host={host} pageRef={pageRef} />
      <View className='host-editor__main'>
        <Thumbs host={host} />
        <PageView host={host} pageRef={pageRef} />
        <Inspector host={host} />
      </View>
    </View>
  )
})
