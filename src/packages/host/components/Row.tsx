import { Input, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'

/** One labelled text input with its error under it (Taro Input: `[data-testid=…] input` in tests). */
export const Row = observer(function Row(props: {
  label: string
  value: string
  onChange: (v: string) => void
  error?: string | null
  placeholder?: string
  testId: string
  maxlength?: number
}) {
  return (
    <View className='form-row host-row'>
      <Text className='form-row__label'>{props.label}</Text>
      <Input
        className='form-row__input'
        value={props.value}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 140}
        onInput={(e) => props.onChange(e.detail.value)}
        data-testid={props.testId}
      />
      {props.error ? (
        <Text className='error' data-testid={`${props.testId}-error`}>
          {props.error}
        </Text>
      ) : null}
    </View>
  )
})
