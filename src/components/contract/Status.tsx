import { Button, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { formatDateTime } from '@/domain/contract'
import type { AuditAction, AuditTrail, DocumentVerification, IntentMethod, SignerView } from '@/services/types'
import { SIGNER_STATUS_LABEL } from '@/stores/labels'
import { INTENT_METHOD_LABEL } from './labels'

/** Each signer and their status (待签署 / 已签署 / 已拒签 / 已过期 / 已撤销). */
export function SignerStatusList({ signers, mySignerId }: { signers: SignerView[]; mySignerId?: string | null }) {
  return (
    <View className='card' data-testid='signer-status'>
      <Text className='card__title'>签署方状态</Text>
      {signers.map((s) => (
        <View className={`signer ${s.signerId === mySignerId ? 'signer--me' : ''}`} key={s.signerId} data-testid='signer-status-row'>
          <View className='signer__who'>
            <Text className='signer__name'>
              {s.maskedName}
              {s.signerId === mySignerId ? '（我）' : ''}
            </Text>
            <Text className='signer__meta'>
              {s.enterpriseName ? `${s.enterpriseName} · ` : ''}
              {s.roleLabel}
              {s.signedAt ? ` · ${formatDateTime(s.signedAt)}` : ''}
            </Text>
          </View>
          <Text className={`badge badge--${s.status.toLowerCase()}`} data-testid='signer-status-badge'>
            {SIGNER_STATUS_LABEL[s.status]}
          </Text>
        </View>
      ))}
    </View>
  )
}

const ACTION_LABEL: Record<AuditAction, string> = {
  CREATED: '发起合同',
  JOINED: '加入签署',
  VIEWED: '查看合同',
  INTENT_CONFIRMED: '意愿认证',
  SIGNED: '完成签署',
  DECLINED: '拒签',
  CANCELLED: '撤销',
  EXPIRED: '过期',
  COMPLETED: '签署完成'
}

function verificationText(v: { identity: 'REAL_NAME+FACE' | null; intent: IntentMethod | null } | null): string | null {
  if (!v) return null
  const parts: string[] = []
  if (v.identity) parts.push('实名+人脸核验')
  if (v.intent) parts.push(`意愿认证：${INTENT_METHOD_LABEL[v.intent]}`)
  return parts.length ? parts.join('，') : null
}

/** Who did what, when, how they were verified; the document hashes; the integrity check. */
export const AuditTrailView = observer(function AuditTrailView(props: {
  audit: AuditTrail
  verification: DocumentVerification | null
  verifying: boolean
  verifyError: string | null
  onVerify: () => void
}) {
  const { audit, verification, verifying, verifyError, onVerify } = props
  return (
    <View className='card' data-testid='audit-trail'>
      <Text className='card__title'>签署记录（存证）</Text>
      <View className='sign-hash'>
        <Text className='kv__k'>签署前文件摘要（{audit.algorithm}）</Text>
        <Text className='mono' data-testid='hash-original'>
          {audit.originalHash}
        </Text>
        <Text className='kv__k'>当前文件摘要（{audit.algorithm}）</Text>
        <Text className='mono' data-testid='hash-current'>
          {audit.currentHash}
        </Text>
      </View>
      {audit.events.map((e) => {
        const how = verificationText(e.verification)
        return (
          <View className='sign-event' key={e.eventId} data-testid='audit-event' data-action={e.action}>
            <View className='sign-event__head'>
              <Text className='sign-event__action'>{ACTION_LABEL[e.action]}</Text>
              <Text className='fineprint'>{formatDateTime(e.at)}</Text>
            </View>
            <Text className='hint'>{e.description}</Text>
            {how ? <Text className='fineprint'>核验方式：{how}</Text> : null}
            {e.documentHash ? <Text className='mono'>文件摘要：{e.documentHash}</Text> : null}
          </View>
        )
      })}
      {/* No `loading` on Taro H5 buttons: toggling it drops the label (Stencil slot). */}
      <Button className='btn btn--ghost' disabled={verifying} onClick={onVerify} data-testid='verify-document'>
        {verifying ? '正在校验…' : '验证文件完整性'}
      </Button>
      {verifyError ? <Text className='error'>{verifyError}</Text> : null}
      {verification ? (
        <View className={`card ${verification.match ? 'card--info' : 'card--error'}`} data-testid='verify-result'>
          <Text className='card__title'>{verification.match ? '文件完整，未被篡改' : '文件校验不一致'}</Text>
          <Text className='fineprint'>校验时间：{formatDateTime(verification.checkedAt)}</Text>
          <Text className='mono'>记录摘要：{verification.recordedHash}</Text>
          <Text className='mono'>重新计算：{verification.computedHash}</Text>
          {verification.problems.map((p) => (
            <Text className='error' key={p}>
              {p}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
})
