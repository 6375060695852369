import { Button, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import type { SignerDraft } from '@/domain/meeting/setup'
import type { HostStore } from '@/stores/host/HostStore'
import type { SignerField } from '@/stores/host/draft'
import { Row } from './Row'

/** 会议信息: name, start and end. */
export const MeetingInfo = observer(function MeetingInfo({ host }: { host: HostStore }) {
  const m = host.meeting
  return (
    <View className='card' data-testid='host-meeting'>
      <Text className='card__title'>会议信息</Text>
      <Row
        label='会议名称'
        value={m.name}
        onChange={(v) => m.setName(v)}
        error={host.error('name')}
        placeholder='如：2026 战略合作签约仪式'
        testId='host-name'
      />
      <View className='host-cols'>
        <Row label='开始时间' value={m.startsAtText} onChange={(v) => m.setTime('start', v)} placeholder='2026-12-04 14:00' testId='host-starts' />
        <Row label='结束时间' value={m.endsAtText} onChange={(v) => m.setTime('end', v)} placeholder='2026-12-04 16:00' testId='host-ends' />
      </View>
      {host.error('time') ? (
        <Text className='error' data-testid='host-time-error'>
          {host.error('time')}
        </Text>
      ) : host.laterStartNote ? (
        <Text className='hint' data-testid='host-time-note'>
          {host.laterStartNote}
        </Text>
      ) : null}
    </View>
  )
})

const PERSON_FIELDS: { field: SignerField; label: string; placeholder: string }[] = [
  { field: 'name', label: '姓名', placeholder: '与身份证一致' },
  { field: 'idNumber', label: '身份证号', placeholder: '18位居民身份证号' },
  { field: 'mobile', label: '手机号', placeholder: '接收签署邀请短信' }
]
const COMPANY_FIELDS: { field: SignerField; label: string; placeholder: string }[] = [
  { field: 'company', label: '企业名称', placeholder: '与营业执照一致' },
  { field: 'creditCode', label: '统一社会信用代码', placeholder: '18位' }
]

const SignerCard = observer(function SignerCard({ host, signer, index }: { host: HostStore; signer: SignerDraft; index: number }) {
  const m = host.meeting
  const at = (f: string) => host.error(`signers.${index}.${f}`)
  const fields = signer.kind === 'ENTERPRISE' ? [...PERSON_FIELDS, ...COMPANY_FIELDS] : PERSON_FIELDS
  return (
    <View className={`host-signer host-signer--c${index % 6}`} data-testid='host-signer'>
      <View className='host-signer__head'>
        <Text className='host-signer__title'>
          第 {index + 1} 位签署方{signer.role.trim() ? `（${signer.role.trim()}）` : ''}
        </Text>
        <View className='host-seg'>
          <Button className={`host-seg__btn ${signer.kind === 'PERSON' ? 'host-seg__btn--on' : ''}`} onClick={() => host.setSignerKind(signer.key, 'PERSON')}>
            个人
          </Button>
          <Button
            className={`host-seg__btn ${signer.kind === 'ENTERPRISE' ? 'host-seg__btn--on' : ''}`}
            onClick={() => host.setSignerKind(signer.key, 'ENTERPRISE')}
            data-testid='host-signer-enterprise'
          >
            企业
          </Button>
        </View>
        {m.signers.length > 1 ? (
          <Button className='btn btn--small btn--ghost' onClick={() => host.removeSigner(signer.key)} data-testid='host-signer-remove'>
            删除
          </Button>
        ) : null}
      </View>
      <View className='host-cols'>
        {fields.map(({ field, label, placeholder }) => (
          <Row
            key={field}
            label={signer.kind === 'ENTERPRISE' && field === 'name' ? '经办人姓名' : label}
            value={String(signer[field] ?? '')}
            onChange={(v) => m.setSigner(signer.key, field, v)}
            error={at(field)}
            placeholder={placeholder}
            testId={`host-signer-${index}-${field}`}
          />
        ))}
        <Row label='角色' value={signer.role} onChange={(v) => m.setSigner(signer.key, 'role', v)} error={at('role')} testId={`host-signer-${index}-role`} />
        <Row
          label='签署顺序'
          value={Number.isNaN(signer.order) ? '' : String(signer.order)}
          onChange={(v) => m.setSigner(signer.key, 'order', v)}
          error={at('order')}
          placeholder='相同顺序可同时签署'
          testId={`host-signer-${index}-order`}
        />
      </View>
      {at('fields') ? <Text className='error'>{at('fields')}</Text> : null}
    </View>
  )
})

/** 签署方 and 观察员. */
export const SignersEditor = observer(function SignersEditor({ host }: { host: HostStore }) {
  const m = host.meeting
  return (
    <View className='card' data-testid='host-signers'>
      <Text className='card__title'>签署方</Text>
      {host.error('signers') ? <Text className='error'>{host.error('signers')}</Text> : null}
      {m.signers.map((s, i) => (
        <SignerCard key={s.key} host={host} signer={s} index={i} />
      ))}
      <View className='host-actions'>
        <Button className='btn btn--small btn--ghost' onClick={() => host.addSigner('PERSON')} data-testid='host-add-person'>
          + 个人签署方
        </Button>
        <Button className='btn btn--small btn--ghost' onClick={() => host.addSigner('ENTERPRISE')} data-testid='host-add-enterprise'>
          + 企业签署方
        </Button>
      </View>
      <Text className='card__title'>观察员</Text>
      <Text className='hint'>观察员会收到会议通知短信，可查看签署进度，不参与签署。</Text>
      {m.observers.map((o, i) => (
        <View className='host-cols' key={i} data-testid='host-observer'>
          <Row
            label='姓名'
            value={o.name}
            onChange={(v) => m.setObserver(i, 'name', v)}
            error={host.error(`observers.${i}.name`)}
            testId={`host-observer-${i}-name`}
          />
          <Row
            label='手机号'
            value={o.mobile}
            onChange={(v) => m.setObserver(i, 'mobile', v)}
            error={host.error(`observers.${i}.mobile`)}
            testId={`host-observer-${i}-mobile`}
          />
          <Button className='btn btn--small btn--ghost' onClick={() => m.removeObserver(i)}>
            删除
          </Button>
        </View>
      ))}
      <Button className='btn btn--small btn--ghost' onClick={() => m.addObserver()} data-testid='host-add-observer'>
        + 观察员
      </Button>
    </View>
  )
})
