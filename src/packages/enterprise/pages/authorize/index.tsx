import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import dayjs from 'dayjs'
import { observer } from 'mobx-react'
import { useCallback, useEffect } from 'react'
import { PageShell } from '@/components/PageShell'
import { ORG_KIND_LABEL } from '@/domain/enterprise/license'
import { adapter } from '@/platform/adapter'
import { useEnterpriseStore } from '@/stores/features/enterprise'
import { useStore } from '@/stores/StoreContext'
import { VerifyGate } from '@/packages/enterprise/components/VerifyGate'

/**
 * The legal representative's page, opened from the SMS link or the QR code (the entry page
 * redirects type 'L' payloads here as `?c=PAYLOAD`; WeChat may pass `q`/`scene` directly).
 * They verify their identity, read what they authorize, and confirm with an SMS code or refuse.
 */
function Authorize() {
  const { session } = useStore()
  const enterprise = useEnterpriseStore()
  const auth = enterprise.authorize
  const { params } = useRouter()
  const input = params.c ?? params.q ?? params.scene ?? params.link ?? ''
  const token = session.active?.token

  useEffect(() => {
    void auth.open(input, adapter.allowedHosts())
  }, [auth, input])

  const ready = auth.state.kind === 'ready'
  useEffect(() => {
    if (ready && token) void auth.loadRequest()
  }, [auth, ready, token])

  useUnload(() => auth.dispose())
  const onVerified = useCallback(() => void auth.loadRequest(), [auth])

  const state = auth.state
  const req = auth.request
  const outcome = auth.outcome

  return (
    <PageShell title='法定代表人授权'>
      {state.kind === 'idle' || state.kind === 'checking' ? (
        <View className='card'>
          <Text className='hint'>正在核验授权链接…</Text>
        </View>
      ) : null}

      {state.kind === 'invalid' ? (
        <View className='card card--error' data-testid='auth-invalid'>
          <Text className='card__title'>无法打开该授权链接</Text>
          <Text className='error'>{input ? state.message : '缺少授权链接，请打开经办人发送的短信链接或扫描授权二维码'}</Text>
          {state.retryable ? (
            <Button className='btn btn--primary' onClick={() => void auth.retry()}>
              重试
            </Button>
          ) : null}
          <Button className='btn btn--ghost' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
            返回首页
          </Button>
        </View>
      ) : null}

      {state.kind === 'ready' ? (
        <View className='card card--info' data-testid='auth-info'>
          <Text className='card__title'>{state.info.enterpriseName}</Text>
          <Text className='hint'>
            经办人 {state.info.operatorMaskedName} 正在为该企业办理企业认证，需要法定代表人 {state.info.legalRepMaskedName} 本人授权超级管理员。
          </Text>
          {outcome === 'PENDING' ? <Text className='fineprint'>链接有效期至 {dayjs(state.info.linkExpiresAt).format('YYYY-MM-DD HH:mm')}</Text> : null}
        </View>
      ) : null}

      {ready && outcome === 'CONFIRMED' ? (
        <View className='card ent-card--ok' data-testid='auth-done'>
          <Text className='ent-big'>已同意授权</Text>
          <Text className='hint'>企业认证已完成，经办人会在 InkSeal 中看到结果。</Text>
        </View>
      ) : null}
      {ready && outcome === 'REFUSED' ? (
        <View className='card card--warn' data-testid='auth-refused'>
          <Text className='ent-big'>已拒绝授权</Text>
          <Text className='hint'>经办人会在 InkSeal 中看到您的决定{req?.refuseReason ? `（原因：${req.refuseReason}）` : ''}。</Text>
        </View>
      ) : null}

      {ready && outcome === 'PENDING' && !session.active ? (
        <VerifyGate
          intro={`请法定代表人 ${state.kind === 'ready' ? state.info.legalRepMaskedName : ''} 本人完成实名认证后查看授权内容。`}
          onVerified={onVerified}
        />
      ) : null}

      {ready && outcome === 'PENDING' && session.active && auth.notLegalRep ? (
        <View className='card card--error' data-testid='auth-not-rep'>
          <Text className='error'>{auth.notLegalRep}</Text>
          <Button className='btn btn--primary' onClick={() => void auth.switchIdentity()}>
            切换身份，重新认证
          </Button>
        </View>
      ) : null}

      {ready && outcome === 'PENDING' && session.active && !req && !auth.notLegalRep ? (
        <View className='card'>
          <Text className='hint'>{auth.error ?? '正在读取授权内容…'}</Text>
          {auth.error ? (
            <Button className='btn btn--ghost' onClick={() => void auth.loadRequest()}>
              重试
            </Button>
          ) : null}
        </View>
      ) : null}

      {req && outcome === 'PENDING' ? (
        <View className='card' data-testid='auth-request'>
          <Text className='card__title'>授权内容</Text>
          <View className='kv'>
            <Text className='kv__k'>企业名称</Text>
            <Text className='kv__v'>{req.enterpriseName}</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>统一社会信用代码</Text>
            <Text className='kv__v'>{req.creditCode}</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>主体类型</Text>
            <Text className='kv__v'>{ORG_KIND_LABEL[req.orgKind]}</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>法定代表人</Text>
            <Text className='kv__v'>{req.legalRepMaskedName}（本人）</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>超级管理员</Text>
            <Text className='kv__v'>{req.admin.maskedName}</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>管理员身份证号</Text>
            <Text className='kv__v'>{req.admin.maskedId}</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>管理员手机号</Text>
            <Text className='kv__v'>{req.admin.maskedMobile}</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>经办人</Text>
            <Text className='kv__v'>{req.operatorMaskedName}</Text>
          </View>
          <View className='section-label'>
            <Text>授权后，超级管理员可以：</Text>
          </View>
          {req.scope.map((s) => (
            <Text className='hint' key={s}>
              · {s}
            </Text>
          ))}

          {auth.refusing ? (
            <View data-testid='auth-refuse-form'>
              <Text className='form-row__label'>拒绝原因（选填）</Text>
              <Textarea
                className='ent-textarea'
                maxlength={100}
                value={auth.refuseReason}
                placeholder='例如：未委托该人员办理'
                onInput={(e) => auth.setRefuseReason(e.detail.value)}
                data-testid='auth-refuse-reason'
              />
              {auth.error ? <Text className='error'>{auth.error}</Text> : null}
              <Button
                className='btn btn--primary ent-btn--danger'
                loading={auth.busy}
                disabled={auth.busy}
                onClick={() => void auth.refuse()}
                data-testid='auth-refuse-confirm'
              >
                确认拒绝
              </Button>
              <Button className='btn btn--ghost' onClick={() => auth.startRefusing(false)}>
                返回
              </Button>
            </View>
          ) : (
            <View>
              <Text className='form-row__label'>意愿确认：短信验证码</Text>
              <View className='field'>
                <Input
                  className='form-row__input'
                  type='number'
                  maxlength={6}
                  placeholder='6位短信验证码'
                  value={auth.smsCode}
                  onInput={(e) => auth.setSmsCode(e.detail.value)}
                  data-testid='auth-code'
                />
                <Button className='btn btn--small' disabled={auth.busy || auth.resendIn > 0} onClick={() => void auth.sendCode()} data-testid='auth-send-code'>
                  {auth.resendIn > 0 ? `${auth.resendIn}秒后重发` : auth.ticket ? '重新获取' : '获取验证码'}
                </Button>
              </View>
              <Text className='hint'>验证码将发送至您实名认证的手机 {req.codeMaskedMobile}</Text>
              {auth.codeError ? (
                <Text className='error' data-testid='auth-code-error'>
                  {auth.codeError}
                </Text>
              ) : null}
              <Button className='btn btn--primary' loading={auth.busy} disabled={auth.busy} onClick={() => void auth.confirm()} data-testid='auth-confirm'>
                同意授权
              </Button>
              <Button className='btn btn--ghost' disabled={auth.busy} onClick={() => auth.startRefusing(true)} data-testid='auth-refuse'>
                拒绝授权
              </Button>
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  )
}

export default observer(Authorize)
