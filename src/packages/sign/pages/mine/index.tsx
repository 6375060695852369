import { Button, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react'
import dayjs from 'dayjs'
import { PageShell } from '@/components/PageShell'
import { routes } from '@/routes'
import { MINE_TABS } from '@/stores/MyContractsStore'
import { FLOW_STATUS_LABEL, SIGNER_STATUS_LABEL } from '@/stores/labels'
import { useSigningStore } from '@/stores/features/signing'
import { useStore } from '@/stores/StoreContext'

/** 我的合同: the verified person's contracts by status tab. */
function Mine() {
  const { session } = useStore()
  const signing = useSigningStore()
  const mine = signing.mine
  useDidShow(() => {
    void mine.load()
  })

  if (!session.active) {
    return (
      <PageShell title='我的合同'>
        <View className='card card--warn' data-testid='mine-verify'>
          <Text className='error'>请先完成实名认证，再查看您的合同。</Text>
          <Button className='btn btn--primary' onClick={() => Taro.navigateTo({ url: routes.verify() })}>
            去实名认证
          </Button>
        </View>
      </PageShell>
    )
  }

  const counts = mine.counts
  return (
    <PageShell title='我的合同'>
      <ScrollView scrollX className='sign-tabs-scroll'>
        <View className='sign-tabs'>
          {MINE_TABS.map(({ tab, label }) => (
            <Text key={tab} className={`sign-tab ${mine.tab === tab ? 'sign-tab--on' : ''}`} onClick={() => mine.setTab(tab)} data-testid={`mine-tab-${tab}`}>
              {label}
              {counts[tab] ? ` ${counts[tab]}` : ''}
            </Text>
          ))}
        </View>
      </ScrollView>

      {mine.error ? <Text className='error'>{mine.error}</Text> : null}
      {mine.loading && !mine.loaded ? (
        <View className='card'>
          <Text className='hint'>正在加载…</Text>
        </View>
      ) : null}
      {mine.loaded && mine.visible.length === 0 ? (
        <View className='card' data-testid='mine-empty'>
          <Text className='hint'>暂无合同</Text>
        </View>
      ) : null}

      {mine.visible.map((f) => {
        const me = mine.mine(f)[0]
        return (
          <View
            className='card sign-mine-item'
            key={f.flowId}
            data-testid='mine-item'
            onClick={() => Taro.navigateTo({ url: mine.tabOf(f) === 'TODO' ? routes.contract(f.flowId) : routes.detail(f.flowId) })}
          >
            <View className='card__head'>
              <Text className='card__title'>{f.title}</Text>
              <Text className={`badge badge--${f.status.toLowerCase()}`}>{FLOW_STATUS_LABEL[f.status]}</Text>
            </View>
            <Text className='hint'>
              发起方：{f.initiator} · 共 {f.pageCount} 页
            </Text>
            <Text className='fineprint'>
              {me ? `我的状态：${SIGNER_STATUS_LABEL[me.status]} · ` : ''}
              {f.status === 'SIGNING'
                ? `截止 ${dayjs(f.deadline).format('YYYY-MM-DD HH:mm')}`
                : f.closedAt
                  ? `结束于 ${dayjs(f.closedAt).format('YYYY-MM-DD HH:mm')}`
                  : ''}
            </Text>
            <Text className='fineprint'>
              签署进度 {f.signers.filter((s) => s.status === 'SIGNED').length}/{f.signers.length}
            </Text>
          </View>
        )
      })}
    </PageShell>
  )
}

export default observer(Mine)
