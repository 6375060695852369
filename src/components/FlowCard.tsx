import { View, Text } from '@tarojs/components'
import { formatDateTime } from '@/domain/localTime'
import type { FlowSummary } from '@/services/types'
import { FLOW_KIND_LABEL, FLOW_STATUS_LABEL, SIGNER_STATUS_LABEL } from '@/stores/labels'

/** A flow's title, initiator, parties, signers and deadline. Pure props, no store. */
export function FlowCard({ flow, mySignerId }: { flow: FlowSummary; mySignerId?: string }) {
  return (
    <View className='card' data-testid='flow-card'>
      <View className='card__head'>
        <Text className='card__title'>{flow.title}</Text>
        <Text className={`badge badge--${flow.status.toLowerCase()}`}>{FLOW_STATUS_LABEL[flow.status]}</Text>
      </View>
      <View className='kv'>
        <Text className='kv__k'>发起方</Text>
        <Text className='kv__v'>{flow.initiator}</Text>
      </View>
      <View className='kv'>
        <Text className='kv__k'>签署类型</Text>
        <Text className='kv__v'>{FLOW_KIND_LABEL[flow.kind]}</Text>
      </View>
      {flow.meetingName ? (
        <View className='kv'>
          <Text className='kv__k'>签约会议</Text>
          <Text className='kv__v'>{flow.meetingName}</Text>
        </View>
      ) : null}
      <View className='kv'>
        <Text className='kv__k'>签署截止</Text>
        <Text className='kv__v'>{formatDateTime(flow.deadline)}</Text>
      </View>
      <View className='kv'>
        <Text className='kv__k'>合同页数</Text>
        <Text className='kv__v'>共 {flow.pageCount} 页</Text>
      </View>
      {flow.closedReason ? (
        <View className='kv'>
          <Text className='kv__k'>说明</Text>
          <Text className='kv__v'>{flow.closedReason}</Text>
        </View>
      ) : null}
      <View className='section-label'>
        <Text>签署方</Text>
      </View>
      {flow.parties.map((p, i) => (
        <View className='party' key={`${p.name}-${i}`}>
          <Text className='party__name'>
            {p.partyType === 'ENTERPRISE' ? '企业' : '个人'} · {p.name}
          </Text>
        </View>
      ))}
      <View className='section-label'>
        <Text>签署人与进度</Text>
      </View>
      {flow.signers.map((s) => (
        <View className={`signer ${s.signerId === mySignerId ? 'signer--me' : ''}`} key={s.signerId} data-testid='signer-row'>
          <View className='signer__who'>
            <Text className='signer__name'>
              {s.maskedName}
              {s.signerId === mySignerId ? '（我）' : ''}
            </Text>
            <Text className='signer__meta'>
              {s.enterpriseName ? `${s.enterpriseName} · ` : ''}
              {s.roleLabel} · {s.maskedMobile}
            </Text>
          </View>
          <Text className={`badge badge--${s.status.toLowerCase()}`}>{SIGNER_STATUS_LABEL[s.status]}</Text>
        </View>
      ))}
    </View>
  )
}
