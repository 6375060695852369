import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect } from 'react'
import { PageShell } from '@/components/PageShell'
import { MissingPage } from '@/packages/sign/components/MissingPage'
import { ContractReader } from '@/components/contract/ContractReader'
import { SignerStatusList } from '@/components/contract/Status'
import { formatDateTime } from '@/domain/contract'
import { DocumentDownload } from '@/packages/sign/components/DocumentDownload'
import { routes } from '@/routes'
import { FLOW_STATUS_LABEL } from '@/stores/labels'
import { useSigningStore } from '@/stores/features/signing'
import { useStore } from '@/stores/StoreContext'

/** 签署结果: the signed contract and every signer's status, polled every 2 s while visible. */
function Result() {
  const { session } = useStore()
  const signing = useSigningStore()
  const { params } = useRouter()
  const flowId = params.flowId || ''

  useEffect(() => {
    if (!flowId || !session.active) return
    if (signing.contract?.flowId !== flowId) void signing.open(flowId)
    signing.startPolling()
    return () => signing.stopPolling()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per flow id, on the stores' state at that moment
  }, [flowId])
  useDidShow(() => {
    if (flowId && session.active && signing.flowId === flowId) signing.startPolling()
  })
  useDidHide(() => signing.stopPolling())
  useUnload(() => signing.stopPolling())

  if (!flowId || !session.active) {
    return <MissingPage title='签署结果' testId='result-missing' message={!flowId ? '缺少合同编号。' : '请先完成实名认证后查看签署结果。'} />
  }

  const c = signing.contract?.flowId === flowId ? signing.contract : null
  const load = signing.load
  const status = signing.flowStatus
  const me = signing.signers.find((s) => s.signerId === signing.mySignerId)

  let headline = '签署状态'
  if (me?.status === 'SIGNED') headline = status === 'COMPLETED' ? '签署完成，合同已生效' : '您已完成签署，等待其他签署方'
  else if (me?.status === 'DECLINED') headline = '您已拒签本合同'
  else if (status && status !== 'SIGNING') headline = `合同${FLOW_STATUS_LABEL[status]}`

  return (
    <PageShell title='签署结果'>
      {load.kind === 'error' && !c ? (
        <View className='card card--error'>
          <Text className='error'>{load.message}</Text>
          <Button className='btn btn--primary' onClick={() => void signing.retryLoad()}>
            重试
          </Button>
        </View>
      ) : null}
      {load.kind === 'needsVerification' ? (
        <View className='card card--warn'>
          <Text className='error'>{load.message}</Text>
          <Button className='btn btn--primary' onClick={() => Taro.redirectTo({ url: routes.verify(flowId) })}>
            去实名认证
          </Button>
        </View>
      ) : null}
      {!c && load.kind !== 'error' && load.kind !== 'needsVerification' ? (
        <View className='card'>
          <Text className='hint'>正在加载…</Text>
        </View>
      ) : null}

      {c ? (
        <View data-testid='result-ready'>
          <View className={`card ${me?.status === 'SIGNED' ? 'card--info' : 'card--warn'}`}>
            <View className='card__head'>
              <Text className='card__title' data-testid='result-headline'>
                {headline}
              </Text>
              {status ? (
                <Text className={`badge badge--${status.toLowerCase()}`} data-testid='result-flow-status'>
                  {FLOW_STATUS_LABEL[status]}
                </Text>
              ) : null}
            </View>
            <Text className='hint'>
              {c.title} · {c.contractNo}
            </Text>
            {me?.signedAt ? <Text className='fineprint'>签署时间：{formatDateTime(me.signedAt)}</Text> : null}
            {signing.status && signing.status.status === 'SIGNING' ? <Text className='fineprint'>其他签署方完成后，本页会自动更新。</Text> : null}
            {signing.statusError ? <Text className='error'>{signing.statusError}</Text> : null}
          </View>

          <SignerStatusList signers={signing.signers} mySignerId={signing.mySignerId} />

          <View className='section-label'>
            <Text>签署后的合同</Text>
          </View>
          <ContractReader store={signing} mode='view' heightRatio={0.55} />

          {me?.status === 'SIGNED' ? <DocumentDownload store={signing} complete={status === 'COMPLETED'} /> : null}
          <Button className='btn btn--primary' onClick={() => Taro.navigateTo({ url: routes.detail(flowId) })} data-testid='result-detail'>
            查看合同详情与签署记录
          </Button>
          <Button className='btn btn--ghost' onClick={() => Taro.reLaunch({ url: routes.home })}>
            返回首页
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}

export default observer(Result)
