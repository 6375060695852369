import { Button, Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { PageShell } from '@/components/PageShell'
import { ORG_ROLE_LABEL } from '@/packages/org/roles'
import { useOrgStore } from '@/stores/features/org'
import './index.css'
import { SealImage } from '@/components/contract/SealImage'

/** 印章详情: the seal drawn from its data, enable / disable, who may use it (authorise / revoke). */
function SealDetail() {
  const org = useOrgStore()
  const { params } = useRouter()
  const code = decodeURIComponent(params.c ?? '')
  const sealId = decodeURIComponent(params.s ?? '')

  useDidShow(() => {
    void org.open(code)
  })

  const view = org.org
  const seal = org.seal(sealId)
  if (!view || !seal) {
    return (
      <PageShell title='印章详情'>
        {org.orgError ? <Text className='error'>{org.orgError}</Text> : <Text className='hint'>{view ? '印章不存在，请返回刷新' : '正在加载…'}</Text>}
      </PageShell>
    )
  }
  const admin = org.isAdmin
  return (
    <PageShell title='印章详情'>
      <View className='card org-seal-detail' data-testid='org-seal-detail'>
        <SealImage spec={seal.spec} size={180} className={seal.enabled ? undefined : 'org-seal-img--off'} />
        <Text className='card__title'>{seal.typeLabel}</Text>
        <Text className='hint'>
          {view.name} · {seal.enabled ? '已启用' : '已停用'}
        </Text>
        {admin ? (
          <Button
            className='btn btn--small btn--ghost'
            disabled={org.busy}
            onClick={() => void org.setEnabled(seal.sealId, !seal.enabled)}
            data-testid='org-seal-toggle'
          >
            {seal.enabled ? '停用印章' : '启用印章'}
          </Button>
        ) : null}
        {org.notice ? (
          <Text className='org-notice' data-testid='org-notice'>
            {org.notice}
          </Text>
        ) : null}
        {org.actionError ? (
          <Text className='error' data-testid='org-action-error'>
            {org.actionError}
          </Text>
        ) : null}
      </View>

      <View className='section-label'>
        <Text>用印授权</Text>
      </View>
      <View className='card'>
        {view.members.map((m) => {
          const granted = seal.authorised.includes(m.memberId)
          return (
            <View className='org-member' key={m.memberId} data-testid='org-grant-row'>
              <Text>
                {m.maskedName}（{ORG_ROLE_LABEL[m.role]}）
              </Text>
              <Text className='hint' data-testid='org-grant-state'>
                {granted ? '已授权' : '未授权'}
              </Text>
              {admin ? (
                <Button
                  className='btn btn--small btn--ghost'
                  disabled={org.busy}
                  onClick={() => void (granted ? org.revoke(seal.sealId, m.memberId) : org.grant(seal.sealId, m.memberId))}
                  data-testid={granted ? 'org-revoke' : 'org-grant'}
                >
                  {granted ? '撤销授权' : '授权使用'}
                </Button>
              ) : null}
            </View>
          )
        })}
        <Text className='fineprint'>获授权的成员代表企业签署合同时，可使用此印章盖章；停用后任何人都不能使用。</Text>
      </View>
    </PageShell>
  )
}

export default observer(SealDetail)
