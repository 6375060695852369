import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { observer } from 'mobx-react'
import { APPLICATION_STATUS_LABEL, AUTHORIZATION_METHOD_LABEL } from '@/domain/enterprise/application'
import { ORG_KIND_LABEL } from '@/domain/enterprise/license'
import { useEnterpriseStore } from '@/stores/features/enterprise'
import { LetterUpload } from './LetterUpload'
import { QrImage } from './QrImage'

const fmt = (t: number | null | undefined) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '')

/** Where the application stands, with what can be done next. */
export const StatusPanel = observer(function StatusPanel() {
  const ent = useEnterpriseStore()
  const app = ent.app
  if (!app) return null
  const lic = app.license
  const lr = app.legalRep
  const lastLetter = app.letters[app.letters.length - 1]
  const status = app.status

  return (
    <View data-testid='ent-status'>
      <View
        className={`card ${status === 'ACTIVATED' ? 'ent-card--ok' : status === 'LETTER_REJECTED' || status === 'REFUSED_BY_LEGAL_REP' ? 'card--error' : 'card--info'}`}
      >
        <View className='card__head'>
          <Text className='card__title'>{lic?.name ?? '企业认证申请'}</Text>
          <Text className={`badge ent-badge--${status.toLowerCase()}`} data-testid='ent-status-label'>
            {APPLICATION_STATUS_LABEL[status]}
          </Text>
        </View>
        {lic ? (
          <View>
            <View className='kv'>
              <Text className='kv__k'>统一社会信用代码</Text>
              <Text className='kv__v'>{lic.creditCode}</Text>
            </View>
            <View className='kv'>
              <Text className='kv__k'>主体类型</Text>
              <Text className='kv__v'>{ORG_KIND_LABEL[lic.orgKind]}</Text>
            </View>
          </View>
        ) : null}
        {app.admin ? (
          <View className='kv'>
            <Text className='kv__k'>超级管理员</Text>
            <Text className='kv__v'>
              {app.admin.maskedName}（{app.admin.maskedMobile}）
            </Text>
          </View>
        ) : null}
        {app.method ? (
          <View className='kv'>
            <Text className='kv__k'>授权方式</Text>
            <Text className='kv__v'>{AUTHORIZATION_METHOD_LABEL[app.method]}</Text>
          </View>
        ) : null}

        {status === 'ACTIVATED' ? (
          <View data-testid='ent-activated'>
            <Text className='ent-big'>企业认证已完成</Text>
            <Text className='hint'>
              {fmt(app.activatedAt)} 认证通过。超级管理员 {app.admin?.maskedName} 可以代表企业管理印章、员工并签署合同。
            </Text>
          </View>
        ) : null}

        {lastLetter && app.method === 'LETTER' ? (
          <View className='kv'>
            <Text className='kv__k'>授权书审核</Text>
            <Text className='kv__v' data-testid='letter-outcome'>
              {lastLetter.outcome === 'PENDING' ? '审核中' : lastLetter.outcome === 'APPROVED' ? '已通过' : `已驳回：${lastLetter.reason ?? ''}`}
            </Text>
          </View>
        ) : null}

        {status === 'LETTER_REVIEW' && lastLetter ? (
          <View data-testid='letter-review'>
            <Text className='hint'>
              授权书《{lastLetter.fileName}》已于 {fmt(lastLetter.submittedAt)} 提交，正在由审核人员审核，预计 {fmt(lastLetter.reviewDueAt)}{' '}
              前完成。本页会自动刷新。
            </Text>
            {ent.devTools ? (
              <Button
                className='btn btn--small btn--ghost'
                onClick={() => void Taro.navigateTo({ url: '/packages/enterprise/pages/review/index' })}
                data-testid='open-review-desk'
              >
                打开审核台（沙箱）
              </Button>
            ) : null}
          </View>
        ) : null}

        {status === 'LETTER_REJECTED' && lastLetter ? (
          <View data-testid='letter-rejected'>
            <Text className='error'>驳回原因：{lastLetter.reason}</Text>
            <Text className='hint'>营业执照和超级管理员信息已保留，按原因修改授权书后重新上传即可。</Text>
          </View>
        ) : null}

        {status === 'LEGAL_REP_PENDING' && lr ? (
          <View data-testid='legal-rep-pending'>
            <Text className='hint'>
              已通过短信向法定代表人 {lr.maskedName}（{lr.maskedMobile}）发送授权链接，链接在 {fmt(lr.linkExpiresAt)}{' '}
              前有效。也可以请法定代表人用微信扫描下方二维码。
            </Text>
            {lr.link ? <QrImage text={lr.link} testId='legal-rep-qr' /> : null}
            {lr.link ? (
              <Text className='mono' selectable data-testid='legal-rep-link'>
                {lr.link}
              </Text>
            ) : null}
            {lr.link ? (
              <Button className='btn btn--small btn--ghost' onClick={() => void Taro.setClipboardData({ data: lr.link as string })}>
                复制链接
              </Button>
            ) : null}
            <Text className='fineprint'>等待法定代表人授权，本页会自动刷新。</Text>
          </View>
        ) : null}

        {status === 'REFUSED_BY_LEGAL_REP' && lr ? (
          <View data-testid='legal-rep-refused'>
            <Text className='error'>
              法定代表人 {lr.maskedName} 于 {fmt(lr.decidedAt)} 拒绝了授权{lr.refuseReason ? `：${lr.refuseReason}` : ''}
            </Text>
          </View>
        ) : null}

        {status === 'CANCELLED' ? <Text className='hint'>该申请已放弃。</Text> : null}
        {ent.error ? (
          <Text className='error' data-testid='ent-error'>
            {ent.error}
          </Text>
        ) : null}
      </View>

      {status === 'LETTER_REJECTED' ? (
        <View className='card'>
          <Text className='card__title'>重新上传授权书</Text>
          <LetterUpload />
        </View>
      ) : null}

      <View className='card'>
        {status === 'LEGAL_REP_PENDING' || status === 'REFUSED_BY_LEGAL_REP' || status === 'LETTER_REJECTED' ? (
          <Button className='btn btn--ghost' onClick={() => ent.reopenMethods()} data-testid='reopen-methods'>
            {status === 'LETTER_REJECTED' ? '改用其他授权方式' : '重新发送授权链接或改用其他方式'}
          </Button>
        ) : null}
        {status === 'ACTIVATED' || status === 'CANCELLED' ? (
          <Button className='btn btn--ghost' onClick={() => void ent.forget()} data-testid='new-application'>
            认证其他企业
          </Button>
        ) : (
          <Button
            className='btn btn--ghost'
            onClick={async () => {
              const r = await Taro.showModal({ title: '放弃申请', content: '放弃后需要重新上传营业执照，确定放弃吗？' })
              if (r.confirm) await ent.cancel()
            }}
          >
            放弃本次申请
          </Button>
        )}
        <Button className='btn btn--ghost' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>

      <View className='section-label'>
        <Text>办理记录</Text>
      </View>
      <View className='card' data-testid='ent-history'>
        {app.history
          .slice()
          .reverse()
          .map((h, i) => (
            <View className='ent-history' key={`${h.at}-${i}`}>
              <Text className='ent-history__time'>{fmt(h.at)}</Text>
              <Text className='ent-history__text'>{h.text}</Text>
            </View>
          ))}
      </View>
    </View>
  )
})
