import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { routes } from '@/routes'
import { toServiceError } from '@/services/errors'
import type { DevOrg, DevOrgContract } from '@/services/types'
import type { DevStore } from '@/stores/DevStore'

/**
 * Sandbox only: the enterprises activated in the sandbox and, for a member, a new contract in
 * which they seal for the enterprise (nobody else signs it by themselves).
 */
export function OrgContracts({ dev }: { dev: DevStore }) {
  const [orgs, setOrgs] = useState<DevOrg[] | null>(null)
  const [made, setMade] = useState<DevOrgContract | null>(null)
  const [error, setError] = useState<string | null>(null)
  const list = () =>
    dev.load().then(
      (t) => setOrgs(t.listOrgs()),
      (e) => setError(toServiceError(e).message)
    )
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
  return (
    <View className='card' data-testid='dev-orgs'>
      <Text className='card__title'>企业印章合同（沙箱）</Text>
      <Text className='hint'>为已认证企业的成员生成一份待盖章的技术服务合同，由该成员代表企业盖章。</Text>
      <Button className='btn btn--small btn--ghost' onClick={() => void list()} data-testid='dev-orgs-list'>
        列出已认证企业
      </Button>
      {orgs && orgs.length === 0 ? <Text className='hint'>沙箱中还没有完成认证的企业。</Text> : null}
      {(orgs ?? []).map((o) => (
        <View key={o.creditCode}>
          <Text>{o.name}</Text>
          {o.members.map((m) => (
            <Button key={m.memberId} className='btn btn--small btn--ghost' onClick={() => void create(o.creditCode, m.memberId)} data-testid='dev-org-contract'>
              为{m.maskedName}生成待盖章合同
            </Button>
          ))}
        </View>
      ))}
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
  )
}
