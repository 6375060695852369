import { Button, Input, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { fieldRows, type FieldSpec } from '@/components/fieldRows'
import { useEnterpriseStore } from '@/stores/features/enterprise'
import type { PersonField } from '@/stores/EnterpriseStore'

const FIELDS: FieldSpec<PersonField>[] = [
  { field: 'name', label: '姓名', placeholder: '超级管理员的姓名', type: 'text', maxlength: 30 },
  { field: 'idNumber', label: '身份证号', placeholder: '18位居民身份证号', type: 'idcard', maxlength: 18 },
  { field: 'mobile', label: '手机号', placeholder: '超级管理员的手机号', type: 'number', maxlength: 11 }
]

/** Step 2: the super administrator. */
export const AdminStep = observer(function AdminStep() {
  const ent = useEnterpriseStore()
  const errors = ent.adminErrors
  const sms = ent.admin.sms
  return (
    <View className='card' data-testid='step-admin'>
      <Text className='card__title'>设置超级管理员</Text>
      <Text className='hint'>
        超级管理员代表企业管理印章、员工和合同，需经法定代表人授权。可以是您本人，也可以是其他员工；姓名、身份证号和手机号须与实名登记一致，并由其本人提供手机验证码确认。
      </Text>
      {ent.app?.admin ? (
        <Text className='hint'>
          当前超级管理员：{ent.app.admin.maskedName}（{ent.app.admin.maskedMobile}），重新填写即可更换。
        </Text>
      ) : null}
      {fieldRows({
        fields: FIELDS,
        value: (f) => ent.adminForm[f],
        onInput: (f, v) => ent.setAdminField(f, v),
        onBlur: (f) => ent.touchAdmin(f),
        error: (f) => errors[f],
        inputTestId: (f) => `admin-${f}`,
        errorTestId: (f) => `admin-${f}-error`
      })}
      <View className='form-row'>
        <Text className='form-row__label'>短信验证码</Text>
        <View className='field'>
          <Input
            className='form-row__input'
            type='number'
            maxlength={6}
            placeholder='超级管理员手机收到的验证码'
            value={sms.code}
            onInput={(e) => sms.setCode(e.detail.value)}
            onBlur={() => sms.touch()}
            data-testid='admin-code'
          />
          <Button
            key={sms.resendIn > 0 ? 'wait' : 'send'}
            className='btn btn--small btn--ghost'
            disabled={ent.busy || sms.sending || sms.resendIn > 0}
            onClick={() => void ent.admin.sendCode()}
            data-testid='admin-send-code'
          >
            {sms.resendIn > 0 ? `${sms.resendIn}秒后重发` : sms.ticket ? '重新获取' : '获取验证码'}
          </Button>
        </View>
        {sms.ticket ? <Text className='fineprint'>验证码已发送至超级管理员手机 {sms.ticket.sentTo}，请由其本人告知。</Text> : null}
        {sms.message ? (
          <Text className='error' data-testid='admin-code-error'>
            {sms.message}
          </Text>
        ) : null}
      </View>
      {ent.error ? (
        <Text className='error' data-testid='ent-error'>
          {ent.error}
        </Text>
      ) : null}
      <Button className='btn btn--primary' loading={ent.busy} disabled={ent.busy} onClick={() => void ent.setAdmin()} data-testid='save-admin'>
        下一步
      </Button>
      {ent.editing === 'admin' ? (
        <Button className='btn btn--ghost' onClick={() => ent.edit(null)}>
          取消修改
        </Button>
      ) : (
        <Button className='btn btn--ghost' onClick={() => ent.edit('license')}>
          返回修改营业执照信息
        </Button>
      )}
    </View>
  )
})
