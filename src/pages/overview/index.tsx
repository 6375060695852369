import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect } from 'react'
import { FlowCard } from '@/components/FlowCard'
import { PageShell } from '@/components/PageShell'
import { routes } from '@/routes'
import { SIGNER_STATUS_LABEL } from '@/stores/labels'
import { useStore } from '@/stores/StoreContext'

/** The contract overview a verified signer lands on. */
function Overview() {
  const store = useStore()
  const { flow } = store
  const { params } = useRouter()
  const flowId = params.flowId || ''

  useEffect(() => {
    void flow.open(flowId)
  }, [flow, flowId])

  const state = flow.state
  const reverify = async () => {
    await store.signOut()
    Taro.redirectTo({ url: routes.verify(flowId) })
  }

  return (
    <PageShell title='合同概览'>
      {state.kind === 'idle' || state.kind === 'loading' ? (
        <View className='card'>
          <Text className='hint'>正在加载合同…</Text>
        </View>
      ) : null}

      {state.kind === 'ready'
        ? (() => {
            const me = state.overview.signers.find((s) => s.signerId === state.overview.mySignerId)
            return (
              <View data-testid='overview-ready'>
                {me ? (
                  <View className='card card--info'>
                    <Text className='card__title'>我的签署状态：{SIGNER_STATUS_LABEL[me.status]}</Text>
                    <Text className='hint'>{me.enterpriseName ? `代表 ${me.enterpriseName}（${me.roleLabel}）签署` : '以个人身份签署'}</Text>
                  </View>
                ) : null}
                <FlowCard flow={state.overview} mySignerId={state.overview.mySignerId} />
                <Button
                  className='btn btn--primary'
                  data-testid='overview-open-contract'
                  onClick={() =>
                    // a completed contract opens its details: the signed document, its download, the audit trail
                    Taro.navigateTo({
                      url: state.overview.status === 'COMPLETED' ? routes.detail(state.overview.flowId) : routes.contract(state.overview.flowId)
                    })
                  }
                >
                  {me?.status === 'PENDING' && state.overview.status === 'SIGNING' ? '阅读并签署' : '查看合同'}
                </Button>
              </View>
            )
          })()
        : null}

      {state.kind === 'refused' ? (
        <View className='card card--error' data-testid='overview-refused'>
          <Text className='card__title'>您不是本合同的签署人</Text>
          <Text className='error'>{state.message}</Text>
          <Text className='hint'>请确认扫描的是发给你的签署码，或使用签署人本人的身份重新认证。</Text>
          <Button className='btn btn--ghost' onClick={() => void reverify()}>
            更换身份重新认证
          </Button>
          <Button className='btn btn--ghost' onClick={() => Taro.reLaunch({ url: routes.home })}>
            返回首页
          </Button>
        </View>
      ) : null}

      {state.kind === 'needsVerification' ? (
        <View className='card card--warn' data-testid='overview-verify'>
          <Text className='error'>{state.message}</Text>
          <Button className='btn btn--primary' onClick={() => Taro.redirectTo({ url: routes.verify(flowId) })}>
            去实名认证
          </Button>
        </View>
      ) : null}

      {state.kind === 'error' ? (
        <View className='card card--error'>
          <Text className='error'>{state.message}</Text>
          <Button className='btn btn--primary' onClick={() => void flow.open(flowId)}>
            重试
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}

export default observer(Overview)
