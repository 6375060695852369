import { Button, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { SEAL_RED } from '@/domain/seal/geometry'
import { SEAL_TYPE_LABELS } from '@/services/types'
import { useOrgStore } from '@/stores/features/org'
import { SealImage } from '@/components/contract/SealImage'

/** 创建印章: a type; the text is the enterprise's registered name (the administrator only). */
export const SealForm = observer(function SealForm() {
  const org = useOrgStore()
  const view = org.org
  if (!view) return null
  const types = org.creatableTypes
  const chosen = org.sealType
  return (
    <View className='card' data-testid='org-seal-form'>
      <Text className='card__title'>创建印章</Text>
      <Text className='hint'>印章文字为企业登记名称“{view.name}”；每类印章只能创建一枚（公章一枚）。</Text>
      {types.length === 0 ? <Text className='hint'>各类印章均已创建。</Text> : null}
      <View className='org-chips'>
        {types.map((t) => (
          <Text key={t} className={`org-chip${chosen === t ? ' org-chip--on' : ''}`} onClick={() => org.chooseSealType(t)} data-testid={`org-seal-type-${t}`}>
            {SEAL_TYPE_LABELS[t]}
          </Text>
        ))}
      </View>
      {chosen ? (
        <View className='org-seal-preview' data-testid='org-seal-preview'>
          <SealImage spec={{ text: view.name, purpose: chosen === 'OFFICIAL' ? '' : SEAL_TYPE_LABELS[chosen], color: SEAL_RED }} size={140} />
        </View>
      ) : null}
      {org.sealError ? (
        <Text className='error' data-testid='org-seal-error'>
          {org.sealError}
        </Text>
      ) : null}
      <Button
        className='btn btn--primary'
        loading={org.busy}
        disabled={org.busy || types.length === 0}
        onClick={() => void org.createSeal()}
        data-testid='org-seal-create'
      >
        创建印章
      </Button>
    </View>
  )
})
