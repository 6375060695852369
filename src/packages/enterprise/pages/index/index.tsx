import { Button, Text, View } from '@tarojs/components'
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useCallback, useEffect } from 'react'
import { PageShell } from '@/components/PageShell'
import { useEnterpriseStore } from '@/stores/features/enterprise'
import { useStore } from '@/stores/StoreContext'
import type { OperatorStep } from '@/stores/EnterpriseStore'
import { AdminStep } from '@/packages/enterprise/components/AdminStep'
import { ConfirmStep } from '@/packages/enterprise/components/ConfirmStep'
import { LicenseStep } from '@/packages/enterprise/components/LicenseStep'
import { MethodStep } from '@/packages/enterprise/components/MethodStep'
import { StatusPanel } from '@/packages/enterprise/components/StatusPanel'
import { VerifyGate } from '@/packages/enterprise/components/VerifyGate'

const STEPS: { label: string; steps: OperatorStep[] }[] = [
  { label: '营业执照', steps: ['license', 'confirm'] },
  { label: '超级管理员', steps: ['admin'] },
  { label: '授权', steps: ['method'] },
  { label: '认证结果', steps: ['status'] }
]

function Steps({ step }: { step: OperatorStep }) {
  const at = STEPS.findIndex((s) => s.steps.includes(step))
  if (at < 0) return null
  return (
    <View className='ent-steps'>
      {STEPS.map((s, i) => (
        <View className={`ent-steps__item ${i === at ? 'ent-steps__item--on' : i < at ? 'ent-steps__item--done' : ''}`} key={s.label}>
          <Text className='ent-steps__num'>{i + 1}</Text>
          <Text className='ent-steps__label'>{s.label}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * The operator's enterprise onboarding, as steps on one page: verify, licence (upload, OCR,
 * confirm), super administrator, authorization, then the status page. The application id is
 * kept on the device, so opening this page again resumes where the application stands.
 */
function EnterpriseIndex() {
  const { session } = useStore()
  const ent = useEnterpriseStore()
  const token = session.active?.token

  useEffect(() => {
    void ent.load()
  }, [ent, token])

  // Poll while the page is shown (a letter under review, a legal representative yet to answer).
  useEffect(() => {
    ent.startPolling()
    return () => ent.stopPolling()
  }, [ent])
  useDidShow(() => {
    ent.startPolling()
    void ent.refresh()
  })
  useDidHide(() => ent.stopPolling())
  useUnload(() => ent.stopPolling())

  const onVerified = useCallback(() => void ent.load(), [ent])
  const step = ent.step

  return (
    <PageShell title='企业认证'>
      <Steps step={step} />
      {step === 'verify' ? <VerifyGate intro='办理企业认证的经办人需先完成个人实名认证。' onVerified={onVerified} /> : null}
      {step === 'start' ? (
        <View className='card' data-testid='ent-start'>
          <Text className='card__title'>企业认证</Text>
          <Text className='hint'>
            企业完成认证后，员工才能以企业名义签署合同。办理需要：营业执照、超级管理员的身份信息，以及法定代表人的授权（法定代表人扫码确认，或上传盖章授权书）。
          </Text>
          {ent.error ? (
            <Text className='error' data-testid='ent-error'>
              {ent.error}
            </Text>
          ) : null}
          <Button className='btn btn--primary' loading={ent.busy} disabled={ent.busy} onClick={() => void ent.start()} data-testid='ent-begin'>
            开始企业认证
          </Button>
        </View>
      ) : null}
      {step === 'loading' ? (
        <View className='card'>
          <Text className='hint'>{ent.error ?? '正在读取认证进度…'}</Text>
          {ent.error ? (
            <Button className='btn btn--ghost' onClick={() => void ent.load()}>
              重试
            </Button>
          ) : null}
        </View>
      ) : null}
      {step === 'license' ? <LicenseStep /> : null}
      {step === 'confirm' ? <ConfirmStep /> : null}
      {step === 'admin' ? <AdminStep /> : null}
      {step === 'method' ? <MethodStep /> : null}
      {step === 'status' ? <StatusPanel /> : null}
    </PageShell>
  )
}

export default observer(EnterpriseIndex)
