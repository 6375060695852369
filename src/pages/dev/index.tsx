import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { PageShell } from '@/components/PageShell'
import { activeFaultController } from '@/services/faultInjection'
import { routes } from '@/routes'
import { REMOTE_DEV_MESSAGES } from '@/stores/RemoteDevStore'
import { useStore } from '@/stores/StoreContext'

/**
 * Sandbox only (embedded, or the sandbox server over HTTP): demo QR links, demo identities and
 * the SMS the sandbox "sent". Over HTTP only these core tools exist (no fault controls).
 */
function Dev() {
  const { dev } = useStore()
  // The sandbox (and its fault controller) loads on first use: reading dev.core re-renders then
  const faults = dev?.core ? activeFaultController() : null
  const [faultPlan, setFaultPlan] = useState(() => JSON.stringify(faults?.plan() ?? {}))
  useEffect(() => setFaultPlan(JSON.stringify(faults?.plan() ?? {})), [faults])
  useDidShow(() => {
    void dev?.refresh()
    setFaultPlan(JSON.stringify(faults?.plan() ?? {}))
  })
  if (!dev) {
    return (
      <PageShell title='开发者面板'>
        <View className='card'>
          <Text className='hint'>当前连接的是正式后端，开发者面板不可用。</Text>
        </View>
      </PageShell>
    )
  }
  if (dev.unavailable) {
    return (
      <PageShell title='开发者面板'>
        <View className='card' data-testid='dev-unavailable'>
          <Text className='error'>{dev.error}</Text>
        </View>
      </PageShell>
    )
  }
  const copy = (data: string) => void Taro.setClipboardData({ data })
  return (
    <PageShell title='开发者面板'>
      {dev.error ? (
        <View className='card' data-testid='dev-error'>
          <Text className='error'>{dev.error}</Text>
        </View>
      ) : null}
      {dev.remote ? (
        <View className='card' data-testid='dev-remote'>
          <Text className='hint'>
            已连接沙箱服务器（{dev.server}）。{REMOTE_DEV_MESSAGES.NO_FEATURE_TOOLS}。
          </Text>
        </View>
      ) : null}
      <View className='section-label'>
        <Text>演示签署码</Text>
      </View>
      {dev.links.map((l) => (
        <View className='card' key={l.link} data-testid='demo-link'>
          <Text className='card__title'>{l.label}</Text>
          <Text className='hint'>{l.description}</Text>
          <Text className='hint'>可用身份：{l.hint}</Text>
          <Text className='mono' selectable data-testid='demo-link-url'>
            {l.link}
          </Text>
          <View className='row'>
            <Button className='btn btn--small btn--primary' onClick={() => Taro.navigateTo({ url: routes.entry(l.link) })}>
              打开
            </Button>
            <Button className='btn btn--small btn--ghost' onClick={() => copy(l.link)}>
              复制链接
            </Button>
          </View>
        </View>
      ))}

      <View className='section-label'>
        <Text>签约会议大屏</Text>
      </View>
      {dev.meetings.map((m) => (
        <View className='card' key={m.meetingId} data-testid='demo-meeting'>
          <Text className='card__title'>{m.name}</Text>
          <Text className='hint'>发起方在会场共享此页面：显示签署二维码与各签署人进度（{m.flowIds.length} 份合同）</Text>
          <Text className='mono' selectable data-testid='demo-meeting-url'>
            {m.screenLink}
          </Text>
          <View className='row'>
            <Button className='btn btn--small btn--primary' onClick={() => Taro.navigateTo({ url: m.screenLink.replace(/^.*#/, '') })}>
              打开大屏
            </Button>
            <Button className='btn btn--small btn--ghost' onClick={() => copy(m.screenLink)}>
              复制链接
            </Button>
          </View>
        </View>
      ))}

      <View className='section-label'>
        <Text>演示身份（虚构）</Text>
      </View>
      {dev.identities.map((p) => (
        <View className='card' key={p.idNumber} data-testid='demo-identity'>
          <Text className='card__title'>{p.label}</Text>
          <Text className='mono' selectable>
            {p.name} · {p.idNumber} · {p.mobile}
          </Text>
          <Text className='hint'>{p.note}</Text>
        </View>
      ))}

      <View className='section-label'>
        <Text>模拟短信</Text>
      </View>
      {dev.outbox.length === 0 ? (
        <View className='card'>
          <Text className='hint'>暂无短信</Text>
        </View>
      ) : null}
      {dev.outbox.map((m) => (
        <View className='card' key={m.id} data-testid='sms-item'>
          <Text className='hint'>
            {dayjs(m.sentAt).format('MM-DD HH:mm:ss')} · 发送至 {m.to}
          </Text>
          <Text>{m.text}</Text>
        </View>
      ))}
      <Button className='btn btn--ghost' onClick={() => void dev.refresh()}>
        刷新
      </Button>

      <Button className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: routes.orgDev })} data-testid='dev-org-contracts'>
        企业印章合同（沙箱）
      </Button>

      {faults ? (
        <View className='card' data-testid='dev-faults'>
          <Text className='card__title'>网络故障模拟</Text>
          <Text className='hint'>当前计划：{faultPlan}</Text>
          <Button
            className='btn btn--small btn--ghost'
            onClick={() => {
              faults.set({ submitSigning: { after: 1 } })
              setFaultPlan(JSON.stringify(faults.plan()))
            }}
          >
            下次提交签署时丢失响应
          </Button>
          <Button
            className='btn btn--small btn--ghost'
            onClick={() => {
              faults.set({})
              setFaultPlan('{}')
            }}
          >
            关闭故障模拟
          </Button>
        </View>
      ) : null}
      <Button className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: '/packages/enterprise/pages/review/index' })} data-testid='dev-review-desk'>
        审核台（企业授权书审核）
      </Button>
      <Button
        className='btn btn--ghost'
        onClick={async () => {
          const r = await Taro.showModal({ title: '重置沙箱', content: '清除沙箱中的全部数据并恢复演示数据？' })
          if (r.confirm) await dev.reset()
        }}
      >
        重置沙箱数据
      </Button>
    </PageShell>
  )
}

export default observer(Dev)
