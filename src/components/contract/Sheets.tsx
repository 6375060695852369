import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { useState } from 'react'
import { SEAL_TYPE_LABELS, type Field } from '@/services/types'
import { DECLINE_MAX, type SigningStore } from '@/stores/SigningStore'
import { SealImage } from './SealImage'

/** Seals the person may use that the field accepts, drawn from their data; or why there are none. */
export const SealPicker = observer(function SealPicker({ store }: { store: SigningStore }) {
  const fieldId = store.sealPickerFor
  if (!fieldId) return null
  const field = store.myFields.find((f) => f.fieldId === fieldId)
  const seals = store.sealsFor(fieldId)
  const none = store.noSealMessage(fieldId)
  const chosen = store.sealOf(fieldId)
  return (
    <View className='modal-mask'>
      <View className='modal sign-sheet' data-testid='seal-picker'>
        <Text className='modal__title'>选择印章</Text>
        {field ? (
          <Text className='hint'>
            {field.label}（可用：{(field.acceptedSealTypes ?? []).map((t) => SEAL_TYPE_LABELS[t]).join('、')}）
          </Text>
        ) : null}
        {none ? (
          <View className='card card--warn' data-testid='no-seal'>
            <Text className='error'>{none}</Text>
            <Text className='hint'>获得授权后，返回本页即可选择印章签署；也可以先拒签或稍后再签。</Text>
            <Button className='btn btn--small btn--ghost' onClick={() => void store.loadSeals()}>
              刷新印章列表
            </Button>
          </View>
        ) : (
          <View className='sign-seals'>
            {seals.map((s) => (
              <View
                key={s.sealId}
                className={`sign-seal ${chosen?.sealId === s.sealId ? 'sign-seal--on' : ''}`}
                data-testid='seal-option'
                onClick={() => store.chooseSeal(fieldId, s.sealId)}
              >
                <SealImage spec={s.spec} size={72} />
                <View className='sign-seal__meta'>
                  <Text className='sign-seal__name'>{s.typeLabel}</Text>
                  <Text className='fineprint'>{s.enterpriseName}</Text>
                </View>
              </View>
            ))}
          </View>
        )}
        <Button className='btn btn--ghost' onClick={() => store.closeSealPicker()}>
          取消
        </Button>
      </View>
    </View>
  )
})

/** Edits a TEXT field, with its limits and validation message. */
export const TextEditor = observer(function TextEditor(props: { store: SigningStore; field: Field | null; onClose: () => void }) {
  const { store, field, onClose } = props
  if (!field) return null
  const v = store.values[field.fieldId]
  const text = v?.kind === 'TEXT' ? v.text : ''
  const error = store.fieldError(field.fieldId)
  return (
    <View className='modal-mask'>
      <View className='modal sign-sheet' data-testid='text-editor'>
        <Text className='modal__title'>{field.label}</Text>
        <Input
          className='form-row__input'
          value={text}
          placeholder={field.placeholder || '请输入'}
          maxlength={field.maxLength ? field.maxLength + 20 : 200}
          focus
          onInput={(e) => store.setText(field.fieldId, e.detail.value)}
          onBlur={() => store.touch(field.fieldId)}
          data-testid='text-editor-input'
        />
        {field.maxLength ? (
          <Text className='fineprint'>
            {[...text.trim()].length} / {field.maxLength}
          </Text>
        ) : null}
        {error ? (
          <Text className='error' data-testid='text-editor-error'>
            {error}
          </Text>
        ) : null}
        {!field.required ? <Text className='fineprint'>选填</Text> : null}
        <Button
          className='btn btn--primary'
          onClick={() => {
            store.touch(field.fieldId)
            if (!store.problemOf(field)) onClose()
          }}
        >
          完成
        </Button>
      </View>
    </View>
  )
})

/** Signature field actions: handwrite on the pad, a system signature where allowed, clear. */
export const SignatureSheet = observer(function SignatureSheet(props: {
  store: SigningStore
  field: Field | null
  onHandwrite: (fieldId: string, system?: boolean) => void
  onClose: () => void
}) {
  const { store, field, onHandwrite, onClose } = props
  if (!field) return null
  const has = store.values[field.fieldId]?.kind === 'SIGN_SIGNATURE'
  const all = store.contract?.options.signatureApply !== 'PER_FIELD'
  const n = store.signatureFields.length
  return (
    <View className='modal-mask'>
      <View className='modal sign-sheet' data-testid='signature-sheet'>
        <Text className='modal__title'>{field.label}</Text>
        {all && n > 1 ? <Text className='hint'>本合同的 {n} 处签名将使用同一个签名。</Text> : null}
        <Button className='btn btn--primary' onClick={() => onHandwrite(field.fieldId)}>
          {has ? '重新手写签名' : '手写签名'}
        </Button>
        {store.contract?.options.allowSystemSignature ? (
          <Button className='btn btn--ghost' onClick={() => onHandwrite(field.fieldId, true)}>
            使用系统签名
          </Button>
        ) : null}
        {has ? (
          <Button
            className='btn btn--ghost'
            onClick={() => {
              store.clearSignature(field.fieldId)
              onClose()
            }}
          >
            清除签名
          </Button>
        ) : null}
        <Button className='btn btn--ghost' onClick={onClose}>
          取消
        </Button>
      </View>
    </View>
  )
})

/** 拒签 with a required reason. */
export const DeclineSheet = observer(function DeclineSheet({ store, onDeclined }: { store: SigningStore; onDeclined: () => void }) {
  const [blurred, setBlurred] = useState(false)
  if (!store.declineOpen) return null
  const problem = store.declineTouched || blurred ? store.declineProblem : null
  return (
    <View className='modal-mask'>
      <View className='modal sign-sheet' data-testid='decline-sheet'>
        <Text className='modal__title'>拒签合同</Text>
        <Text className='hint'>拒签后本合同将终止，其他签署方会收到通知。请填写拒签原因。</Text>
        <Textarea
          className='sign-textarea'
          value={store.declineReason}
          placeholder='请填写拒签原因（5-200字）'
          maxlength={DECLINE_MAX + 20}
          onInput={(e) => store.setDeclineReason(e.detail.value)}
          onBlur={() => setBlurred(true)}
          data-testid='decline-reason'
        />
        {problem ? (
          <Text className='error' data-testid='decline-error'>
            {problem}
          </Text>
        ) : null}
        {store.declineError ? (
          <Text className='error' data-testid='decline-error'>
            {store.declineError}
          </Text>
        ) : null}
        <View className='modal__actions'>
          <Button className='btn btn--ghost' onClick={() => store.openDecline(false)}>
            取消
          </Button>
          <Button
            className='btn sign-btn--danger'
            disabled={store.declining}
            onClick={async () => {
              if (await store.decline()) onDeclined()
            }}
            data-testid='decline-confirm'
          >
            {store.declining ? '提交中…' : '确认拒签'}
          </Button>
        </View>
      </View>
    </View>
  )
})
