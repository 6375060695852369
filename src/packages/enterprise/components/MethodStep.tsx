import { Button, Input, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { fieldRows, type FieldSpec } from '@/components/fieldRows'
import { AUTHORIZATION_METHOD_LABEL, type AuthorizationMethod } from '@/domain/enterprise/application'
import { letterOnly, ORG_KIND_LABEL } from '@/domain/enterprise/license'
import { maskName } from '@/domain/identity'
import { useEnterpriseStore } from '@/stores/features/enterprise'
import type { LegalRepField } from '@/stores/EnterpriseStore'
import { LetterUpload } from './LetterUpload'

const LR_FIELDS: FieldSpec<LegalRepField>[] = [
  { field: 'creditCode', label: '统一社会信用代码', placeholder: '与营业执照一致', type: 'text', maxlength: 18 },
  { field: 'name', label: '法定代表人姓名', placeholder: '与营业执照一致', type: 'text', maxlength: 30 },
  { field: 'idNumber', label: '法定代表人身份证号', placeholder: '18位居民身份证号', type: 'idcard', maxlength: 18 },
  { field: 'mobile', label: '法定代表人手机号', placeholder: '用于接收授权链接', type: 'number', maxlength: 11 }
]

const METHOD_HINT: Record<AuthorizationMethod, string> = {
  LEGAL_REP: '向法定代表人发送授权链接（短信）并展示二维码，法定代表人实名认证后在手机上确认授权，即时生效。',
  LETTER: '上传法定代表人签字并加盖公章的授权书，由审核人员人工审核，通过后生效。',
  SELF: '您是营业执照上的法定代表人，通过短信验证码确认授权即可。',
  CLOUD: '腾讯云账号中已认证的企业，确认企业名称并短信验证即可。'
}

const LegalRepForm = observer(function LegalRepForm() {
  const ent = useEnterpriseStore()
  const errors = ent.legalRepErrors
  return (
    <View data-testid='legal-rep-form'>
      {fieldRows({
        fields: LR_FIELDS,
        value: (f) => ent.legalRepForm[f],
        onInput: (f, v) => ent.setLegalRepField(f, v),
        onBlur: (f) => ent.touchLegalRep(f),
        error: (f) => errors[f],
        inputTestId: (f) => `lr-${f}`,
        errorTestId: (f) => `error-lr-${f}`
      })}
      {ent.error ? (
        <Text className='error' data-testid='ent-error'>
          {ent.error}
        </Text>
      ) : null}
      <Button className='btn btn--primary' loading={ent.busy} disabled={ent.busy} onClick={() => void ent.requestLegalRep()} data-testid='send-legal-rep'>
        发送授权链接
      </Button>
    </View>
  )
})

const SelfConfirm = observer(function SelfConfirm() {
  const ent = useEnterpriseStore()
  const lic = ent.app?.license
  return (
    <View data-testid='self-confirm'>
      <Text className='hint'>
        您（{lic ? maskName(lic.legalRepresentative) : ''}）是{lic?.name}的法定代表人。确认授权 {ent.app?.admin?.maskedName} 担任超级管理员？
      </Text>
      <View className='field'>
        <Input
          className='form-row__input'
          type='number'
          maxlength={6}
          placeholder='6位短信验证码'
          value={ent.selfCode}
          onInput={(e) => ent.setSelfCode(e.detail.value)}
          data-testid='self-code'
        />
        <Button className='btn btn--small' disabled={ent.busy || ent.selfResendIn > 0} onClick={() => void ent.sendSelfCode()} data-testid='self-send-code'>
          {ent.selfResendIn > 0 ? `${ent.selfResendIn}秒后重发` : ent.selfTicket ? '重新获取' : '获取验证码'}
        </Button>
      </View>
      {ent.selfTicket ? <Text className='hint'>验证码已发送至 {ent.selfTicket.sentTo}</Text> : null}
      {ent.selfError ? <Text className='error'>{ent.selfError}</Text> : null}
      <Button className='btn btn--primary' loading={ent.busy} disabled={ent.busy} onClick={() => void ent.confirmSelf()} data-testid='self-confirm-button'>
        确认授权
      </Button>
    </View>
  )
})

/** Step 3: how the administrator is authorized. */
export const MethodStep = observer(function MethodStep() {
  const ent = useEnterpriseStore()
  const methods = ent.allowedMethods
  const current = ent.currentMethod
  const kind = ent.app?.license?.orgKind
  return (
    <View className='card' data-testid='step-method'>
      <Text className='card__title'>授权超级管理员</Text>
      <Text className='hint'>
        {ent.app?.license?.name} · 超级管理员 {ent.app?.admin?.maskedName}（{ent.app?.admin?.maskedMobile}）
      </Text>
      {kind && letterOnly(kind) ? (
        <Text className='ent-tag ent-tag--info' data-testid='letter-only'>
          {ORG_KIND_LABEL[kind]}只能通过上传授权书完成授权
        </Text>
      ) : null}
      <View className='ent-segments' data-testid='method-tabs'>
        {methods.map((m) => (
          <View key={m} className={`ent-segment ${current === m ? 'ent-segment--on' : ''}`} onClick={() => ent.chooseMethod(m)} data-testid={`method-${m}`}>
            <Text>{AUTHORIZATION_METHOD_LABEL[m]}</Text>
          </View>
        ))}
      </View>
      {current ? <Text className='fineprint'>{METHOD_HINT[current]}</Text> : null}
      {current === 'LEGAL_REP' ? <LegalRepForm /> : null}
      {current === 'LETTER' ? <LetterUpload /> : null}
      {current === 'SELF' ? <SelfConfirm /> : null}
      {ent.choosingMethod ? (
        <Button className='btn btn--ghost' onClick={() => ent.reopenMethods(false)}>
          返回申请进度
        </Button>
      ) : (
        <Button className='btn btn--ghost' onClick={() => ent.edit('admin')}>
          返回修改超级管理员
        </Button>
      )}
    </View>
  )
})
