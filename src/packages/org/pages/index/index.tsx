import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { PageShell } from '@/components/PageShell'
import { routes } from '@/routes'
import { ORG_ROLE_LABEL } from '@/packages/org/roles'
import { useOrgStore } from '@/stores/features/org'
import './index.css'
import { useStore } from '@/stores/StoreContext'
import { MemberForm } from '@/packages/org/components/MemberForm'
import { SealForm } from '@/packages/org/components/SealForm'
import { SealImage } from '@/components/contract/SealImage'

/** 企业管理: the person's enterprises; with `c`, that enterprise's 印章管理 and 成员管理. */
function OrgIndex() {
  const { session } = useStore()
  const org = useOrgStore()
  const { params } = useRouter()
  const code = params.c ? decodeURIComponent(params.c) : null

  useDidShow(() => {
    if (code) void org.open(code)
    else void org.load()
  })

  if (!session.active) {
    return (
      <PageShell title='企业管理'>
        <View className='card card--warn'>
          <Text className='error'>请先完成实名认证，再管理企业。</Text>
          <Button className='btn btn--primary' onClick={() => Taro.navigateTo({ url: routes.verify() })}>
            去实名认证
          </Button>
        </View>
      </PageShell>
    )
  }

  if (!code) {
    return (
      <PageShell title='企业管理'>
        {org.listError ? <Text className='error'>{org.listError}</Text> : null}
        {org.loaded && org.orgs.length === 0 ? (
          <View className='card' data-testid='org-none'>
            <Text className='hint'>您还不是任何已认证企业的成员。完成企业认证后，超级管理员可在这里管理印章和员工。</Text>
          </View>
        ) : null}
        {org.orgs.map((o) => (
          <View className='card' key={o.creditCode} data-testid='org-item' onClick={() => Taro.navigateTo({ url: routes.org(o.creditCode) })}>
            <View className='card__head'>
              <Text className='card__title'>{o.name}</Text>
              <Text className='badge badge--signed'>{ORG_ROLE_LABEL[o.myRole]}</Text>
            </View>
            <Text className='hint'>
              统一社会信用代码 {o.creditCode} · 印章 {o.sealCount} 枚 · 成员 {o.memberCount} 人
            </Text>
          </View>
        ))}
      </PageShell>
    )
  }

  const view = org.org
  if (!view) {
    return (
      <PageShell title='企业管理'>
        {org.orgError ? (
          <Text className='error' data-testid='org-error'>
            {org.orgError}
          </Text>
        ) : (
          <Text className='hint'>正在加载…</Text>
        )}
      </PageShell>
    )
  }

  return (
    <PageShell title='企业管理'>
      <View className='card'>
        <Text className='card__title' data-testid='org-name'>
          {view.name}
        </Text>
        <Text className='hint'>
          统一社会信用代码 {view.creditCode} · 我的角色：{ORG_ROLE_LABEL[view.myRole]}
        </Text>
        {org.notice ? (
          <Text className='org-notice' data-testid='org-notice'>
            {org.notice}
          </Text>
        ) : null}
      </View>

      <View className='section-label'>
        <Text>印章管理</Text>
      </View>
      {view.seals.length === 0 ? (
        <View className='card'>
          <Text className='hint'>尚未创建印章。</Text>
        </View>
      ) : null}
      {view.seals.map((s) => (
        <View
          className='card org-seal'
          key={s.sealId}
          data-testid='org-seal'
          onClick={() => Taro.navigateTo({ url: routes.orgSeal(view.creditCode, s.sealId) })}
        >
          <SealImage spec={s.spec} size={72} className={s.enabled ? undefined : 'org-seal-img--off'} />
          <View className='org-seal__text'>
            <Text className='card__title'>{s.typeLabel}</Text>
            <Text className='hint'>
              {s.enabled ? '已启用' : '已停用'} · 已授权 {s.authorised.length} 人
            </Text>
          </View>
        </View>
      ))}
      {org.isAdmin ? <SealForm /> : null}

      <View className='section-label'>
        <Text>成员管理</Text>
      </View>
      <View className='card' data-testid='org-members'>
        {view.members.map((m) => (
          <View className='org-member' key={m.memberId} data-testid='org-member'>
            <Text>
              {m.maskedName}
              {m.isMe ? '（我）' : ''}
            </Text>
            <Text className='hint'>
              {ORG_ROLE_LABEL[m.role]} · {m.maskedMobile}
            </Text>
          </View>
        ))}
      </View>
      {org.isAdmin ? <MemberForm /> : <Text className='hint'>印章和成员由企业超级管理员管理。</Text>}
    </PageShell>
  )
}

export default observer(OrgIndex)
