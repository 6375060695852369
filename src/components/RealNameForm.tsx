import { Button, Input, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { fieldRows, type FieldSpec } from '@/components/fieldRows'
import { useVerifyStore } from '@/stores/features/verify'
import type { VerifyField } from '@/stores/VerifyStore'

const FIELDS: FieldSpec<VerifyField>[] = [
  { field: 'name', label: '姓名', placeholder: '与身份证一致的姓名', type: 'text', maxlength: 30 },
  { field: 'idNumber', label: '身份证号', placeholder: '18位居民身份证号', type: 'idcard', maxlength: 18 },
  { field: 'mobile', label: '手机号', placeholder: '本人实名登记的手机号', type: 'number', maxlength: 11 }
]

/**
 * The real-name form (name, resident ID, mobile, SMS code) on the root VerifyStore; used by the
 * verify page and inside the enterprise pages. The face step follows elsewhere.
 */
export const RealNameForm = observer(function RealNameForm(props: { title?: string; intro?: string | null; testId?: string }) {
  const verify = useVerifyStore()
  return (
    <View className='card' data-testid={props.testId}>
      {props.title ? <Text className='card__title'>{props.title}</Text> : null}
      {props.intro ? <Text className='hint'>{props.intro}</Text> : null}
      {fieldRows({
        fields: FIELDS,
        value: (f) => verify[f],
        onInput: (f, v) => verify.setField(f, v),
        onBlur: (f) => verify.touch(f),
        error: (f) => verify.error(f),
        inputTestId: (f) => `input-${f}`,
        errorTestId: (f) => `error-${f}`
      })}
      <View className='form-row'>
        <Text className='form-row__label'>验证码</Text>
        <View className='field'>
          <Input
            className='form-row__input'
            type='number'
            maxlength={6}
            placeholder='6位短信验证码'
            value={verify.smsCode}
            onInput={(e) => verify.setField('smsCode', e.detail.value)}
            onBlur={() => verify.touch('smsCode')}
            data-testid='input-smsCode'
          />
          <Button className='btn btn--small' disabled={verify.sending || verify.resendIn > 0} onClick={() => void verify.sendCode()} data-testid='send-code'>
            {verify.sending ? '发送中…' : verify.resendIn > 0 ? `${verify.resendIn}秒后重发` : verify.ticket ? '重新获取' : '获取验证码'}
          </Button>
        </View>
        {verify.ticket?.sentTo ? <Text className='hint'>验证码已发送至 {verify.ticket.sentTo}，5分钟内有效</Text> : null}
        {verify.error('smsCode') ? (
          <Text className='error' data-testid='error-smsCode'>
            {verify.error('smsCode')}
          </Text>
        ) : null}
      </View>
      {verify.formError ? (
        <Text className='error' data-testid='verify-error'>
          {verify.formError}
        </Text>
      ) : null}
      {/* No `loading` prop: on Taro H5 toggling it while the label changes breaks the DOM. */}
      <Button className='btn btn--primary' disabled={verify.busy} onClick={() => void verify.submit()} data-testid='verify-submit'>
        {verify.busy ? '核验中…' : '下一步'}
      </Button>
      <Text className='fineprint'>你的身份信息仅用于核验身份，本机只保存脱敏信息。</Text>
    </View>
  )
})
