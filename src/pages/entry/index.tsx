import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect } from 'react'
import { FlowCard } from '@/components/FlowCard'
import { PageShell } from '@/components/PageShell'
import { routes } from '@/routes'
import { useStore } from '@/stores/StoreContext'

/**
 * Checks what was scanned or opened. WeChat launches this page with `q` (an ordinary-link QR)
 * or `scene` (a mini-program code); the app itself passes `link`; H5 deep links use `c`.
 */
function Entry() {
  const { entry, session } = useStore()
  const { params } = useRouter()
  const input = params.link ?? params.q ?? params.scene ?? params.c ?? ''

  useEffect(() => {
    void entry.open(input)
  }, [entry, input])

  const state = entry.state
  // A legal representative's authorization link opens the enterprise subpackage.
  const authorizePayload = state.kind === 'authorize' ? state.payload : null
  useEffect(() => {
    if (authorizePayload) Taro.redirectTo({ url: `/packages/enterprise/pages/authorize/index?c=${encodeURIComponent(authorizePayload)}` })
  }, [authorizePayload])
  const proceed = (flowId: string) => {
    if (session.active) Taro.redirectTo({ url: routes.overview(flowId) })
    else Taro.redirectTo({ url: routes.verify(flowId) })
  }

  return (
    <PageShell title='签署码核验'>
      {state.kind === 'idle' || state.kind === 'checking' || state.kind === 'authorize' ? (
        <View className='card'>
          <Text className='hint'>正在核验签署码…</Text>
        </View>
      ) : null}

      {state.kind === 'refused' ? (
        <View className='card card--error' data-testid='entry-refused'>
          <Text className='card__title'>无法打开该签署码</Text>
          <Text className='error'>{state.message}</Text>
          {state.retryable ? (
            <Button className='btn btn--primary' onClick={() => void entry.retry()}>
              重试
            </Button>
          ) : null}
          <Button className='btn btn--ghost' onClick={() => Taro.reLaunch({ url: routes.home })}>
            返回首页
          </Button>
        </View>
      ) : null}

      {state.kind === 'closed' ? (
        <View data-testid='entry-closed'>
          <View className='card card--warn'>
            <Text className='error'>{state.message}</Text>
          </View>
          <FlowCard flow={state.resolution.flow} />
          {state.resolution.flow.status === 'COMPLETED' ? (
            <Button className='btn btn--primary' data-testid='entry-view-completed' onClick={() => proceed(state.resolution.flow.flowId)}>
              {session.active ? '查看已签署的合同' : '实名认证后查看合同'}
            </Button>
          ) : null}
          <Button className='btn btn--ghost' onClick={() => Taro.reLaunch({ url: routes.home })}>
            返回首页
          </Button>
        </View>
      ) : null}

      {state.kind === 'ready' ? (
        <View data-testid='entry-ready'>
          <FlowCard flow={state.resolution.flow} />
          {state.resolution.intendedFor.length > 0 ? <Text className='hint'>本合同待签署人：{state.resolution.intendedFor.join('、')}</Text> : null}
          <Button className='btn btn--primary' onClick={() => proceed(state.resolution.flow.flowId)}>
            {session.active ? '进入合同' : '实名认证后签署'}
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}

export default observer(Entry)
