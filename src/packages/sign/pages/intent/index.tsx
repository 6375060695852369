import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect } from 'react'
import { FaceStep } from '@/components/FaceStep'
import { PageShell } from '@/components/PageShell'
import { MissingPage } from '@/packages/sign/components/MissingPage'
import { INTENT_METHOD_LABEL } from '@/components/contract/labels'
import { routes } from '@/routes'
import { useSigningStore } from '@/stores/features/signing'
import { useStore } from '@/stores/StoreContext'

/** 意愿认证: confirm the will to sign (SMS code, face, or signing password), then submit. */
function Intent() {
  const { session } = useStore()
  const signing = useSigningStore()
  const { params } = useRouter()
  const flowId = params.flowId || ''
  const here = !!flowId && signing.contract?.flowId === flowId

  useEffect(() => {
    if (!flowId) return
    const go = async () => {
      if (!here) await signing.open(flowId)
      // Opened directly (e.g. after a restart): go on if the values are complete.
      if (signing.phase === 'FILLING') signing.proceedToIntent()
      if (signing.phase === 'CONFIRMING_INTENT' && !signing.intentMethod && signing.intentMethods.length) {
        signing.chooseMethod(signing.intentMethods[0])
      }
    }
    void go()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per flow id, on the stores' state at that moment
  }, [flowId])

  // Countdown for the SMS resend button.
  useEffect(() => {
    const t = setInterval(() => signing.refreshClock(), 1000)
    return () => clearInterval(t)
  }, [signing])

  useEffect(() => {
    if (signing.phase === 'SIGNED' && here) Taro.redirectTo({ url: routes.result(flowId) })
  }, [signing.phase, here, flowId])

  useUnload(() => signing.backFromIntent())

  if (!flowId || !session.active) {
    return <MissingPage title='意愿认证' testId='intent-missing' message={!flowId ? '缺少合同编号，请从合同页面进入。' : '请先完成实名认证。'} />
  }

  const phase = signing.phase
  const err = signing.submitError

  return (
    <PageShell title='意愿认证'>
      {signing.contract && here ? (
        <View className='card card--info'>
          <Text className='card__title'>{signing.contract.title}</Text>
          <Text className='hint'>为确认是您本人自愿签署，请完成意愿认证。认证通过后将立即提交签署。</Text>
        </View>
      ) : (
        <View className='card'>
          <Text className='hint'>正在加载…</Text>
        </View>
      )}

      {phase === 'SUBMITTING' || signing.submitting ? (
        <View className='card' data-testid='intent-submitting'>
          <Text className='card__title'>正在提交签署…</Text>
          <View className='sign-progress'>
            <View className='sign-progress__bar' />
          </View>
          <Text className='hint'>请勿关闭页面。网络中断时可重试，不会重复签署。</Text>
        </View>
      ) : null}

      {phase === 'FAILED' && !signing.submitting ? (
        <View className='card card--error' data-testid='intent-failed'>
          <Text className='card__title'>提交未完成</Text>
          <Text className='error' data-testid='intent-failed-message'>
            {err?.message ?? '提交签署失败'}
          </Text>
          {err?.retryable ? (
            <Button className='btn btn--primary' onClick={() => void signing.retrySubmit()} data-testid='retry-submit'>
              重试
            </Button>
          ) : null}
          <Button className='btn btn--ghost' onClick={() => Taro.navigateBack()}>
            返回合同
          </Button>
        </View>
      ) : null}

      {phase === 'CONFIRMING_INTENT' && !signing.submitting ? <IntentMethods /> : null}

      {here && (phase === 'READING' || phase === 'FILLING') ? (
        <View className='card card--warn' data-testid='intent-not-ready'>
          <Text className='error'>{signing.notice ?? '请先在合同页面完成全部签署区。'}</Text>
          <Button className='btn btn--ghost' onClick={() => Taro.redirectTo({ url: routes.contract(flowId) })}>
            返回合同
          </Button>
        </View>
      ) : null}

      {here && (phase === 'READ_ONLY' || phase === 'DECLINED') ? (
        <View className='card card--warn'>
          <Text className='error'>{signing.closedMessage ?? '本合同当前无法签署'}</Text>
          <Button className='btn btn--ghost' onClick={() => Taro.redirectTo({ url: routes.result(flowId) })}>
            查看签署状态
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}

const IntentMethods = observer(function IntentMethods() {
  const signing = useSigningStore()
  const methods = signing.intentMethods
  const m = signing.intentMethod
  const ch = signing.challenge
  return (
    <View className='card' data-testid='intent-methods'>
      {methods.length > 1 ? (
        <View className='sign-tabs'>
          {methods.map((x) => (
            <Text key={x} className={`sign-tab ${m === x ? 'sign-tab--on' : ''}`} onClick={() => signing.chooseMethod(x)} data-testid={`intent-method-${x}`}>
              {INTENT_METHOD_LABEL[x]}
            </Text>
          ))}
        </View>
      ) : null}

      {m === 'SMS' ? (
        <View className='form-row' data-testid='intent-sms'>
          <Text className='hint'>{ch?.sms ? `验证码已发送至 ${ch.sms.sentTo}，5分钟内有效` : '验证码将发送至您实名登记的手机号'}</Text>
          <View className='field'>
            <Input
              className='form-row__input'
              type='number'
              maxlength={6}
              placeholder='6位短信验证码'
              value={signing.intentCode}
              onInput={(e) => signing.setIntentInput('intentCode', e.detail.value)}
              data-testid='intent-code'
            />
            <Button
              className='btn btn--small'
              disabled={signing.intentBusy || signing.smsResendIn > 0}
              onClick={() => void signing.startIntent()}
              data-testid='intent-send-code'
            >
              {signing.smsResendIn > 0 ? `${signing.smsResendIn}秒后重发` : ch ? '重新获取' : '获取验证码'}
            </Button>
          </View>
          <Button className='btn btn--primary' disabled={signing.intentBusy || !ch} onClick={() => void signing.confirmIntent()} data-testid='intent-confirm'>
            {signing.intentBusy ? '请稍候…' : '确认签署'}
          </Button>
        </View>
      ) : null}

      {m === 'FACE' ? (
        ch ? (
          <FaceStep
            maskedName={signing.signers.find((s) => s.signerId === signing.mySignerId)?.maskedName ?? ''}
            busy={signing.intentBusy}
            error={signing.intentError}
            action={ch.faceAction ?? undefined}
            onCapture={(capture) => void signing.confirmIntent(capture)}
          />
        ) : (
          <View className='form-row' data-testid='intent-face'>
            <Text className='hint'>将通过人脸识别确认是您本人签署。</Text>
            <Button className='btn btn--primary' disabled={signing.intentBusy} onClick={() => void signing.startIntent()} data-testid='intent-face-start'>
              {signing.intentBusy ? '请稍候…' : '开始人脸识别'}
            </Button>
          </View>
        )
      ) : null}

      {m === 'PASSWORD' ? (
        signing.passwordSet ? (
          <View className='form-row' data-testid='intent-password'>
            <Text className='hint'>请输入6位签署密码。</Text>
            <Input
              className='form-row__input'
              type='number'
              password
              maxlength={6}
              placeholder='签署密码'
              value={signing.intentPassword}
              onInput={(e) => signing.setIntentInput('intentPassword', e.detail.value)}
              data-testid='intent-password-input'
            />
            <Button
              className='btn btn--primary'
              disabled={signing.intentBusy}
              onClick={async () => {
                if (!signing.challenge) await signing.startIntent()
                await signing.confirmIntent()
              }}
              data-testid='intent-confirm'
            >
              {signing.intentBusy ? '请稍候…' : '确认签署'}
            </Button>
          </View>
        ) : (
          <View className='form-row' data-testid='intent-password-setup'>
            <Text className='hint'>首次使用签署密码，请设置6位数字密码（避免连续或重复的数字）。</Text>
            <Input
              className='form-row__input'
              type='number'
              password
              maxlength={6}
              placeholder='设置签署密码'
              value={signing.newPassword}
              onInput={(e) => signing.setIntentInput('newPassword', e.detail.value)}
              data-testid='intent-new-password'
            />
            <Input
              className='form-row__input'
              type='number'
              password
              maxlength={6}
              placeholder='再次输入签署密码'
              value={signing.newPassword2}
              onInput={(e) => signing.setIntentInput('newPassword2', e.detail.value)}
              data-testid='intent-new-password2'
            />
            <Button className='btn btn--primary' disabled={signing.intentBusy} onClick={() => void signing.setPassword()} data-testid='intent-set-password'>
              {signing.intentBusy ? '请稍候…' : '设置并继续'}
            </Button>
          </View>
        )
      ) : null}

      {signing.intentError && (m !== 'FACE' || !ch) ? (
        <Text className='error' data-testid='intent-error'>
          {signing.intentError}
        </Text>
      ) : null}
    </View>
  )
})

export default observer(Intent)
