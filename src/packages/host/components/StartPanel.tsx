import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useMemo } from 'react'
import { qrSvg, svgDataUrl } from '@/domain/qrSvg'
import { routes } from '@/routes'
import type { HostStore } from '@/stores/host/HostStore'

/** What is still wrong, the seal warnings, and 开始会议. */
export const StartPanel = observer(function StartPanel({ host }: { host: HostStore }) {
  return (
    <View className='card host-start' data-testid='host-start-panel'>
      {host.errorList.length ? (
        <View className='host-problems' data-testid='host-problems'>
          {host.errorList.map((e, i) => (
            <Text key={i} className='error'>
              · {e}
            </Text>
          ))}
        </View>
      ) : null}
      {host.warnings.length ? <Text className='host-warn'>{host.warnings.join('；')}</Text> : null}
      {host.startError ? (
        <Text className='error' data-testid='host-start-error'>
          {host.startError}
        </Text>
      ) : null}
      <Button className='btn btn--primary' disabled={host.starting} onClick={() => void host.start()} data-testid='host-start'>
        {host.starting ? '正在发起…' : '开始会议'}
      </Button>
      <Text className='fineprint'>开始后，系统向每位签署方和观察员发送短信邀请，并生成会议大屏；签署方扫大屏上的二维码签署。</Text>
    </View>
  )
})

/** The meeting has started: its screen (link and QR) and the invites sent. */
export const StartedPanel = observer(function StartedPanel({ host }: { host: HostStore }) {
  const r = host.result!
  const qr = useMemo(() => svgDataUrl(qrSvg(r.screenLink)), [r.screenLink])
  const screenUrl = routes.meetingScreen(r.meetingId, r.boardKey)
  return (
    <View className='card' data-testid='host-started'>
      <Text className='card__title'>会议已开始：{r.name}</Text>
      <Text className='hint'>已向 {r.invites.length} 位签署方和观察员发送短信邀请。请在大屏上打开会议大屏，签署方扫码签署。</Text>
      <View className='host-started'>
        <Image className='host-started__qr' src={qr} mode='aspectFit' />
        <View className='host-started__info'>
          <Text className='hint'>会议大屏链接（在大屏设备上打开）</Text>
          <Text className='host-link' selectable data-testid='host-screen-link'>
            {r.screenLink}
          </Text>
          {r.warnings.map((w) => (
            <Text key={w} className='host-warn'>
              {w}
            </Text>
          ))}
          <Button className='btn btn--primary' onClick={() => Taro.navigateTo({ url: screenUrl })} data-testid='host-open-screen'>
            打开会议大屏
          </Button>
          <Button className='btn btn--ghost' onClick={() => host.startOver()} data-testid='host-start-over'>
            发起新的会议
          </Button>
        </View>
      </View>
    </View>
  )
})
