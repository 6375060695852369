import { Image, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { fractionToPixels, pagingSliceOf } from '@/domain/contract'
import type { Field } from '@/services/types'
import type { SigningStore } from '@/stores/SigningStore'
import { FIELD_CALL_TO_ACTION } from './labels'
import { SealImage } from './SealImage'
import type { PageBox } from './windowing'

export type ReaderMode = 'sign' | 'view'

const px = (n: number) => `${Math.round(n * 10) / 10}px`

/** One page: its image (or a placeholder while it loads), field overlays, the paging-seal slice. */
export const ContractPage = observer(function ContractPage(props: { store: SigningStore; box: PageBox; mode: ReaderMode; onField: (f: Field) => void }) {
  const { store, box, mode, onField } = props
  const img = store.pages.get(box.index)
  const fields = store.fieldsByPage.get(box.index) ?? []
  return (
    <View className='sign-page' data-testid='contract-page' data-page={box.index} style={{ top: px(box.top), width: px(box.width), height: px(box.height) }}>
      {img ? (
        <Image className='sign-page__img' src={img.src} mode='scaleToFill' style={{ width: px(box.width), height: px(box.height) }} />
      ) : (
        <View className='sign-page__loading'>
          <Text className='hint'>第 {box.index + 1} 页加载中…</Text>
        </View>
      )}
      {fields.map((f) => (
        <FieldOverlay key={f.fieldId} store={store} field={f} box={box} mode={mode} onField={onField} />
      ))}
      {store.pagingSealFields.map((f) => (
        <PagingSealSlice key={f.fieldId} store={store} field={f} box={box} mode={mode} onField={onField} />
      ))}
      <Text className='sign-page__no'>
        {box.index + 1} / {store.pageCount}
      </Text>
    </View>
  )
})

const FieldOverlay = observer(function FieldOverlay(props: { store: SigningStore; field: Field; box: PageBox; mode: ReaderMode; onField: (f: Field) => void }) {
  const { store, field: f, box, mode, onField } = props
  const r = fractionToPixels(f, { width: box.width, height: box.height })
  const style = { left: px(r.left), top: px(r.top), width: px(r.width), height: px(r.height) }
  const mine = store.isMine(f)

  // Committed values are drawn on the page image: only a small tag for others' fields.
  if (f.filled) {
    if (mine || mode === 'view') return null
    return (
      <View className='sign-field sign-field--other sign-field--filled' style={style} data-testid={`field-${f.fieldId}`}>
        <Text className='sign-field__tag sign-field__tag--done'>已签署</Text>
      </View>
    )
  }

  if (!mine || mode === 'view') {
    const who = store.signerLabel(f.signerId)
    const open = store.flowStatus === 'SIGNING'
    return (
      <View className='sign-field sign-field--other' style={style} data-testid={`field-${f.fieldId}`}>
        <Text className='sign-field__tag'>{open ? `待${who}${f.type === 'TEXT' || f.type === 'CHECK_BOX' ? '填写' : '签署'}` : '未签署'}</Text>
      </View>
    )
  }

  const v = store.values[f.fieldId]
  const problem = store.problemOf(f)
  const error = store.fieldError(f.fieldId)
  const focused = store.focusedFieldId === f.fieldId
  const cls = [
    'sign-field',
    'sign-field--mine',
    problem ? 'sign-field--todo' : 'sign-field--done',
    error ? 'sign-field--error' : '',
    focused ? 'sign-field--focused' : ''
  ]
    .filter(Boolean)
    .join(' ')

  let content: JSX.Element
  switch (f.type) {
    case 'SIGN_SIGNATURE':
      content =
        v?.kind === 'SIGN_SIGNATURE' ? (
          <Image className='sign-field__sig' src={v.png} mode='aspectFit' style={{ width: px(r.width), height: px(r.height) }} />
        ) : (
          <Text className='sign-field__cta'>{FIELD_CALL_TO_ACTION[f.type]}</Text>
        )
      break
    case 'SIGN_SEAL': {
      const seal = store.sealOf(f.fieldId)
      const d = Math.min(r.width, r.height)
      content = seal ? <SealImage spec={seal.spec} size={d} /> : <Text className='sign-field__cta'>{FIELD_CALL_TO_ACTION[f.type]}</Text>
      break
    }
    case 'SIGN_DATE':
      content = (
        <Text className='sign-field__text' data-testid='field-date-text'>
          {store.dateText(f)}
        </Text>
      )
      break
    case 'TEXT':
      content =
        v?.kind === 'TEXT' && v.text ? (
          <Text className='sign-field__text'>{v.text}</Text>
        ) : (
          <Text className='sign-field__cta'>{f.placeholder || FIELD_CALL_TO_ACTION[f.type]}</Text>
        )
      break
    case 'CHECK_BOX':
      content = <Text className='sign-field__check'>{v?.kind === 'CHECK_BOX' && v.checked ? '☑' : '☐'}</Text>
      break
    default:
      content = <Text className='sign-field__cta'>{FIELD_CALL_TO_ACTION[f.type]}</Text>
  }

  return (
    <View className={cls} style={style} data-testid={`field-${f.fieldId}`} data-type={f.type} data-state={problem ? 'todo' : 'done'} onClick={() => onField(f)}>
      {content}
      {error ? <Text className='sign-field__error'>{error}</Text> : null}
    </View>
  )
})

/** 骑缝章: once a seal is chosen, every page shows its slice at the right edge. */
const PagingSealSlice = observer(function PagingSealSlice(props: {
  store: SigningStore
  field: Field
  box: PageBox
  mode: ReaderMode
  onField: (f: Field) => void
}) {
  const { store, field: f, box, mode, onField } = props
  if (f.filled) return null // stamped on the page images
  const mine = store.isMine(f)
  const sealPx = f.w * box.width
  const top = f.y * box.height
  const slice = pagingSliceOf(box.index, store.pageCount, sealPx)
  if (!slice) return null
  const seal = mine ? store.sealOf(f.fieldId) : null
  if (seal) {
    return (
      <View
        className='sign-paging'
        data-testid='paging-slice'
        style={{ top: px(top), width: px(slice.width), height: px(sealPx) }}
        onClick={() => mode === 'sign' && onField(f)}
      >
        <View style={{ position: 'absolute', top: '0px', left: px(-slice.offset), width: px(sealPx), height: px(sealPx) }}>
          <SealImage spec={seal.spec} size={sealPx} />
        </View>
      </View>
    )
  }
  if (!mine || mode === 'view') return null
  return (
    <View
      className={`sign-paging sign-paging--todo ${store.focusedFieldId === f.fieldId ? 'sign-field--focused' : ''}`}
      data-testid={`field-${f.fieldId}`}
      data-type={f.type}
      data-state='todo'
      style={{ top: px(top), width: px(Math.max(18, slice.width)), height: px(sealPx) }}
      onClick={() => onField(f)}
    >
      <Text className='sign-paging__label'>骑缝章</Text>
    </View>
  )
})
