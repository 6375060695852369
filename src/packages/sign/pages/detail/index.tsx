import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect } from 'react'
import { PageShell } from '@/components/PageShell'
import { DocumentDownload } from '@/packages/sign/components/DocumentDownload'
import { MissingPage } from '@/packages/sign/components/MissingPage'
import { ContractReader } from '@/components/contract/ContractReader'
import { AuditTrailView, SignerStatusList } from '@/components/contract/Status'
import { formatDateTime } from '@/domain/contract'
import { routes } from '@/routes'
import { FLOW_STATUS_LABEL } from '@/stores/labels'
import { useSigningStore } from '@/stores/features/signing'
import { useStore } from '@/stores/StoreContext'

/** 合同详情: the (signed) document, each signer's status and the audit trail with an integrity check. */
function Detail() {
  const { session } = useStore()
  const signing = useSigningStore()
  const { params } = useRouter()
  const flowId = params.flowId || ''

  useEffect(() => {
    if (!flowId || !session.active) return
    const go = async () => {
      if (signing.contract?.flowId !== flowId) await signing.open(flowId)
      else await signing.refreshContract()
      await signing.loadAudit()
    }
    void go()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per flow id, on the stores' state at that moment
  }, [flowId])

  if (!flowId || !session.active) {
    return <MissingPage title='合同详情' testId='detail-missing' message={!flowId ? '缺少合同编号，请从“我的合同”进入。' : '请先完成实名认证后查看合同。'} />
  }

  const c = signing.contract?.flowId === flowId ? signing.contract : null
  const load = signing.load
  const me = c?.signers.find((s) => s.signerId === c.mySignerId)

  return (
    <PageShell title='合同详情'>
      {load.kind === 'error' ? (
        <View className='card card--error'>
          <Text className='error'>{load.message}</Text>
          {load.retryable ? (
            <Button className='btn btn--primary' onClick={() => void signing.retryLoad()}>
              重试
            </Button>
          ) : null}
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
      {!c && load.kind === 'loading' ? (
        <View className='card'>
          <Text className='hint'>正在加载合同…</Text>
        </View>
      ) : null}

      {c ? (
        <View data-testid='detail-ready'>
          <View className='card'>
            <View className='card__head'>
              <Text className='card__title'>{c.title}</Text>
              <Text className={`badge badge--${c.status.toLowerCase()}`} data-testid='detail-status'>
                {FLOW_STATUS_LABEL[c.status]}
              </Text>
            </View>
            <View className='kv'>
              <Text className='kv__k'>合同编号</Text>
              <Text className='kv__v'>{c.contractNo}</Text>
            </View>
            <View className='kv'>
              <Text className='kv__k'>页数</Text>
              <Text className='kv__v'>共 {c.pageCount} 页</Text>
            </View>
            {me?.signedAt ? (
              <View className='kv'>
                <Text className='kv__k'>我的签署时间</Text>
                <Text className='kv__v'>{formatDateTime(me.signedAt)}</Text>
              </View>
            ) : null}
            {signing.closedMessage ? <Text className='hint'>{signing.closedMessage}</Text> : null}
            {c.canSign ? (
              <Button className='btn btn--primary' onClick={() => Taro.navigateTo({ url: routes.contract(flowId) })}>
                去签署
              </Button>
            ) : null}
          </View>

          <SignerStatusList signers={c.signers} mySignerId={c.mySignerId} />

          <View className='section-label'>
            <Text>合同文件</Text>
          </View>
          <ContractReader store={signing} mode='view' heightRatio={0.55} />
          <DocumentDownload store={signing} complete={c.status === 'COMPLETED'} />

          {signing.audit ? (
            <AuditTrailView
              audit={signing.audit}
              verification={signing.verification}
              verifying={signing.verifyBusy}
              verifyError={signing.verifyError}
              onVerify={() => void signing.verifyDocument()}
            />
          ) : signing.auditError ? (
            <View className='card card--error'>
              <Text className='error'>{signing.auditError}</Text>
              <Button className='btn btn--small btn--ghost' onClick={() => void signing.loadAudit()}>
                重新加载签署记录
              </Button>
            </View>
          ) : (
            <View className='card'>
              <Text className='hint'>正在加载签署记录…</Text>
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  )
}

export default observer(Detail)
