import { Button, Input, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { ORG_KIND_LABEL } from '@/domain/enterprise/license'
import { useEnterpriseStore } from '@/stores/features/enterprise'

/** 腾讯云企业快速认证: shown before a licence is read; the operator becomes the super administrator. */
export const CloudQuick = observer(function CloudQuick() {
  const ent = useEnterpriseStore()
  const cloud = ent.cloud
  const info = cloud.info
  const sms = cloud.sms
  return (
    <View className='card card--info' data-testid='cloud-quick'>
      <Text className='card__title'>腾讯云企业快速认证</Text>
      {!info ? (
        <View>
          <Text className='hint'>企业已在腾讯云完成认证时，可读取腾讯云账号中的企业信息，确认后直接完成认证，您将成为超级管理员。</Text>
          {cloud.error ? (
            <Text className='error' data-testid='cloud-error'>
              {cloud.error}
            </Text>
          ) : null}
          <Button className='btn btn--ghost' disabled={ent.busy} loading={cloud.looking} onClick={() => void cloud.lookup()} data-testid='cloud-lookup'>
            读取腾讯云企业信息
          </Button>
          {ent.devTools ? (
            <View data-testid='cloud-accounts'>
              <Text className='fineprint'>沙箱中的腾讯云账号（以账号持有人的身份实名认证后可快速认证）：</Text>
              {ent.devTools.listCloudAccounts().map((a) => (
                <View key={a.label}>
                  <Text className='fineprint'>
                    {a.label}：{a.description}
                  </Text>
                  <Text className='mono'>
                    {a.holder.idNumber} · {a.holder.mobile}
                  </Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : (
        <View>
          <Text className='hint'>腾讯云账号 {info.cloudAccount} 中已认证的企业：</Text>
          <Text className='ent-big' data-testid='cloud-name'>
            {info.enterpriseName}
          </Text>
          <View className='kv'>
            <Text className='kv__k'>统一社会信用代码</Text>
            <Text className='kv__v'>{info.creditCode}</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>主体类型 · 法定代表人</Text>
            <Text className='kv__v'>
              {ORG_KIND_LABEL[info.orgKind]} · {info.legalRepMaskedName}
            </Text>
          </View>
          <Text className='fineprint'>请核对企业名称。确认后您将成为该企业的超级管理员，验证码发送至您的手机 {info.adminMaskedMobile}。</Text>
          <View className='field'>
            <Input
              className='form-row__input'
              type='number'
              maxlength={6}
              placeholder='短信验证码'
              value={sms.code}
              onInput={(e) => sms.setCode(e.detail.value)}
              data-testid='cloud-code'
            />
            <Button
              key={sms.resendIn > 0 ? 'wait' : 'send'}
              className='btn btn--small btn--ghost'
              disabled={ent.busy || sms.sending || sms.resendIn > 0}
              onClick={() => void cloud.sendCode()}
              data-testid='cloud-send-code'
            >
              {sms.resendIn > 0 ? `${sms.resendIn}秒后重发` : '获取验证码'}
            </Button>
          </View>
          {sms.message ? (
            <Text className='error' data-testid='cloud-code-error'>
              {sms.message}
            </Text>
          ) : null}
          {cloud.error ? (
            <Text className='error' data-testid='cloud-error'>
              {cloud.error}
            </Text>
          ) : null}
          <Button className='btn btn--primary' disabled={ent.busy} loading={ent.busy} onClick={() => void cloud.confirm()} data-testid='cloud-confirm'>
            确认企业名称并完成认证
          </Button>
          <Button className='btn btn--ghost' onClick={() => cloud.reset()}>
            不是该企业，上传营业执照认证
          </Button>
        </View>
      )}
    </View>
  )
})
