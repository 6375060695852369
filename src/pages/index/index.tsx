import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect, useState } from 'react'
import { FlowCard } from '@/components/FlowCard'
import { PageShell } from '@/components/PageShell'
import { adapter } from '@/platform/adapter'
import { HOST_CONSOLE } from '@/platform/features'
import { routes } from '@/routes'
import { useStore } from '@/stores/StoreContext'
import type { ScanOutcome } from '@/platform/types'

/** Home: scan, pick a QR image or paste a link; the verified person's contracts. */
function Index() {
  const store = useStore()
  const { session, flow, dev } = store
  const [link, setLink] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  // 企业管理 shows for members of an activated enterprise (asked here: no store in the main package)
  const [inOrg, setInOrg] = useState(false)

  useEffect(() => {
    // H5 opened at https://host/s/PAYLOAD: go straight to the entry check.
    const launch = adapter.consumeLaunchLink()
    if (launch) Taro.redirectTo({ url: routes.entry(launch) })
  }, [])

  useDidShow(() => {
    void flow.loadMine()
    const token = session.active?.token
    if (token)
      store.service.listMyOrgs({ session: token }).then(
        (orgs) => setInOrg(orgs.length > 0),
        () => undefined
      )
    else setInOrg(false)
  })

  const handle = (r: ScanOutcome) => {
    if (r.ok) {
      setMessage(null)
      Taro.navigateTo({ url: routes.entry(r.text) })
    } else if (!r.cancelled) {
      setMessage(r.message)
    }
  }

  const openLink = () => {
    if (!link.trim()) {
      setMessage('请粘贴发起方分享的签署链接')
      return
    }
    setMessage(null)
    Taro.navigateTo({ url: routes.entry(link.trim()) })
  }

  const active = session.active
  return (
    <PageShell title='InkSeal 电子签'>
      <View className='card'>
        <Text className='card__title'>扫码签署</Text>
        <Text className='hint'>扫描发起方分享的签署二维码，完成实名认证后即可查看并签署合同。</Text>
        <Button className='btn btn--primary' onClick={async () => handle(await adapter.scanQr())}>
          扫一扫
        </Button>
        <Button className='btn btn--ghost' onClick={async () => handle(await adapter.pickQrImage())}>
          识别相册中的签署码
        </Button>
        <View className='field'>
          <Input className='field__input' placeholder='或粘贴签署链接' value={link} onInput={(e) => setLink(e.detail.value)} data-testid='link-input' />
          <Button className='btn btn--small' onClick={openLink}>
            打开
          </Button>
        </View>
        {message ? (
          <Text className='error' data-testid='home-error'>
            {message}
          </Text>
        ) : null}
      </View>

      {active ? (
        <View className='card'>
          <Text className='card__title'>已实名认证</Text>
          <Text className='hint'>
            {active.maskedName}（{active.maskedId}）· {active.maskedMobile}
          </Text>
          <Button className='btn btn--small btn--ghost' data-testid='home-mine' onClick={() => Taro.navigateTo({ url: routes.mine })}>
            我的合同
          </Button>
          {inOrg ? (
            <Button className='btn btn--small btn--ghost' data-testid='home-org' onClick={() => Taro.navigateTo({ url: routes.org() })}>
              企业管理
            </Button>
          ) : null}
          <Button className='btn btn--small btn--ghost' onClick={() => void store.signOut()}>
            退出登录
          </Button>
        </View>
      ) : null}

      {active && flow.mine.length > 0 ? (
        <View>
          <View className='section-label'>
            <Text>我的合同</Text>
          </View>
          {flow.mine.map((f) => (
            <View key={f.flowId} onClick={() => Taro.navigateTo({ url: routes.overview(f.flowId) })}>
              <FlowCard flow={f} />
            </View>
          ))}
        </View>
      ) : null}
      {flow.mineError ? <Text className='error'>{flow.mineError}</Text> : null}

      <Button
        className='btn btn--ghost ent-home'
        data-testid='home-enterprise'
        onClick={() => Taro.navigateTo({ url: '/packages/enterprise/pages/index/index' })}
      >
        企业认证
      </Button>
      <Button className='btn btn--ghost ent-home' data-testid='home-verify-pdf' onClick={() => Taro.navigateTo({ url: routes.verifyPdf })}>
        合同验签
      </Button>
      {HOST_CONSOLE ? (
        <Button className='btn btn--ghost ent-home' data-testid='home-host' onClick={() => Taro.navigateTo({ url: routes.host })}>
          发起会中签约
        </Button>
      ) : null}

      {dev ? (
        <Button className='btn btn--ghost dev-entry' onClick={() => Taro.navigateTo({ url: routes.dev })}>
          开发者面板（沙箱）
        </Button>
      ) : null}
    </PageShell>
  )
}

export default observer(Index)
