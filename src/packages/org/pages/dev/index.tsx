import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useState } from 'react'
import { PageShell } from '@/components/PageShell'
import { routes } from '@/routes'
import { toServiceError } from '@/services/errors'
import type { DevOrgContract } from '@/services/types'
import { useOrgStore } from '@/stores/features/org'
import { useStore } from '@/stores/StoreContext'

/**
 * Sandbox only (opened from the developer panel): for a member of one of the verified person's
 * enterprises, a new contract in which they seal for the enterprise (nobody else signs it by
 * themselves). In the subpackage, to keep the main package lean.
 */
function OrgDev() {
  const { dev, session } = useStore()
  const org = useOrgStore()
  const [made, setMade] = useState<DevOrgContract | null>(null)
  const [error, setError] = useState<string | null>(null)
  useDidShow(() => {
    void org.load()
  })
  if (!dev || !session.active) {
    return (
      <PageShell title='企业印章合同（沙箱）'>
        <Text className='hint'>{dev ? '请先以企业成员身份完成实名认证。' : '当前连接的是正式后端，开发者工具不可用。'}</Text>
      </PageShell>
    )
  }
  const create = (creditCode: string, memberId: string) =>
    dev
      .load()
      .then((t) => t.createOrgContract({ creditCode, memberId }))
      .then(
        (c) => {
          setMade(c)
          setError(null)
        },
        (e) => setError(toServiceError(e).message)
      )
  const view = org.org
  return (
    <PageShell title='企业印章合同（沙箱）'>
      <View className='card' data-testid='dev-orgs'>
        <Text className='hint'>为您所在企业的成员生成一份待盖章的技术服务合同，由该成员代表企业盖章。</Text>
        {org.loaded && org.orgs.length === 0 ? <Text className='hint'>您还不是任何已认证企业的成员。</Text> : null}
        {org.orgs.map((o) => (
          <Button key={o.creditCode} className='btn btn--small btn--ghost' onClick={() => void org.open(o.creditCode)} data-testid='dev-org'>
            {o.name}
          </Button>
        ))}
        {view
          ? view.members.map((m) => (
              <Button
                key={m.memberId}
                className='btn btn--small btn--ghost'
                onClick={() => void create(view.creditCode, m.memberId)}
                data-testid='dev-org-contract'
              >
                为{m.maskedName}生成待盖章合同
              </Button>
            ))
          : null}
        {made ? (
          <View data-testid='dev-org-made'>
            <Text className='mono' selectable data-testid='dev-org-link'>
              {made.link}
            </Text>
            <Button className='btn btn--small btn--primary' onClick={() => Taro.navigateTo({ url: routes.entry(made.link) })} data-testid='dev-org-open'>
              打开
            </Button>
          </View>
        ) : null}
        {error ? <Text className='error'>{error}</Text> : null}
      </View>
    </PageShell>
  )
}

export default observer(OrgDev)
