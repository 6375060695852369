import { Button, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import type { HostStore } from '@/stores/host/HostStore'
import type { ScreenImageSlot } from '@/stores/host/layout'
import { pickFile } from './PdfUpload'
import { Row } from './Row'

const SLOTS: { slot: ScreenImageSlot; label: string }[] = [
  { slot: 'logo', label: '标志（Logo）' },
  { slot: 'background', label: '背景图' }
]

/** 大屏布局: title, logo, background, with a small preview of the screen. */
export const LayoutForm = observer(function LayoutForm({ host }: { host: HostStore }) {
  const layout = host.layout
  const choose = async (slot: ScreenImageSlot) => {
    const picked = await pickFile('image/png,image/jpeg', `host-${slot}-input`, (m) => layout.fail(slot, m))
    if (picked) layout.setImage(slot, picked)
  }
  const title = layout.title.trim() || host.meeting.name.trim() || '签约会议大屏'
  return (
    <View className='card' data-testid='host-layout'>
      <Text className='card__title'>大屏布局</Text>
      <Row label='大屏标题' value={layout.title} onChange={(v) => layout.setTitle(v)} placeholder='默认为会议名称' testId='host-screen-title' />
      {SLOTS.map(({ slot, label }) => (
        <View className='form-row' key={slot}>
          <Text className='form-row__label'>{label}</Text>
          <View className='host-actions'>
            <Button className='btn btn--small btn--ghost' onClick={() => void choose(slot)} data-testid={`host-pick-${slot}`}>
              {layout[slot] ? '更换图片' : '选择图片'}
            </Button>
            {layout[slot] ? (
              <Button className='btn btn--small btn--ghost' onClick={() => layout.clearImage(slot)}>
                移除
              </Button>
            ) : null}
          </View>
          <Text className='hint'>PNG 或 JPG，不超过 2 MB</Text>
          {layout.errors[slot] ? (
            <Text className='error' data-testid={`host-${slot}-error`}>
              {layout.errors[slot]}
            </Text>
          ) : null}
        </View>
      ))}
      <View
        className='host-preview'
        style={layout.background ? { backgroundImage: `url(${layout.background.dataUrl})` } : undefined}
        data-testid='host-preview'
      >
        {layout.logo ? <img className='host-preview__logo' src={layout.logo.dataUrl} alt='' /> : null}
        <Text className='host-preview__title'>{title}</Text>
        <View className='host-preview__qr' />
      </View>
    </View>
  )
})
