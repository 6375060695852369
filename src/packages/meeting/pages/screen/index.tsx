import { Button, Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect, useMemo, useState } from 'react'
import dayjs from 'dayjs'
import { qrSvg, svgDataUrl } from '@/domain/qrSvg'
import { fullscreenSupported, isFullscreen, onFullscreenChange, toggleFullscreen } from '@/platform/fullscreen'
import { FLOW_STATUS_LABEL, SIGNER_STATUS_LABEL } from '@/stores/labels'
import { useMeetingStore } from '@/stores/features/meeting'
import './index.css'

/** 全屏 / 退出全屏 (H5's Fullscreen API; nothing on WeChat). */
function FullscreenButton() {
  const [on, setOn] = useState(isFullscreen)
  useEffect(() => onFullscreenChange(() => setOn(isFullscreen())), [])
  if (!fullscreenSupported()) return null
  return (
    <Button className='meet__tab' onClick={() => void toggleFullscreen()} data-testid='meeting-fullscreen'>
      {on ? '退出全屏' : '全屏'}
    </Button>
  )
}

/**
 * The initiator's meeting screen (会中签约), meant for a shared screen at full-screen: the
 * signing QR code of the selected flow and, under it, each signer's progress, polled live;
 * a results view lists every flow of the meeting. A hosted meeting (packages/host) brings its
 * layout: a title, a logo and a background picture.
 */
function MeetingScreen() {
  const meeting = useMeetingStore()
  const { params } = useRouter()
  const meetingId = params.m || ''
  const boardKey = params.k || ''

  useEffect(() => {
    if (meetingId && boardKey) meeting.start(meetingId, boardKey)
    return () => meeting.stop()
  }, [meeting, meetingId, boardKey])

  const flow = meeting.selected
  const signLink = flow?.signLink
  const qr = useMemo(() => (signLink ? svgDataUrl(qrSvg(signLink)) : ''), [signLink])
  const board = meeting.board
  const layout = board?.layout ?? null

  return (
    <View className='meet' data-testid='meeting-root'>
      {layout?.background ? <View className='meet__bg' style={{ backgroundImage: `url(${layout.background})` }} data-testid='meeting-background' /> : null}
      <View className='meet__head'>
        <View className='meet__brand'>
          {layout?.logo ? <Image className='meet__logo' src={layout.logo} mode='aspectFit' data-testid='meeting-logo' /> : null}
          <Text className='meet__title' data-testid='meeting-title'>
            {layout?.title || board?.name || '签约会议大屏'}
          </Text>
        </View>
        <View className='meet__tabs'>
          <FullscreenButton />
        </View>
        {board ? (
          <View className='meet__tabs'>
            <Button className={`meet__tab ${meeting.view === 'screen' ? 'meet__tab--on' : ''}`} onClick={() => meeting.setView('screen')}>
              签约大屏
            </Button>
            <Button className={`meet__tab ${meeting.view === 'results' ? 'meet__tab--on' : ''}`} onClick={() => meeting.setView('results')}>
              签约结果
            </Button>
          </View>
        ) : null}
      </View>

      {!meetingId || !boardKey ? (
        <Text className='meet__notice' data-testid='meeting-error'>
          缺少会议信息，请使用发起方提供的会议大屏链接打开
        </Text>
      ) : null}
      {meeting.error ? (
        <Text className='meet__notice' data-testid='meeting-error'>
          {meeting.error}
        </Text>
      ) : null}
      {board?.allSigned ? (
        <View className='meet__done' data-testid='meeting-all-signed'>
          <Text>全部签署完成 · 感谢各位签约方</Text>
        </View>
      ) : null}

      {board && meeting.view === 'screen' && flow ? (
        <View className='meet__body' data-testid='meeting-screen'>
          {board.flows.length > 1 ? (
            <View className='meet__flows'>
              {board.flows.map((f) => (
                <Button key={f.flowId} className={`meet__flow ${f.flowId === flow.flowId ? 'meet__flow--on' : ''}`} onClick={() => meeting.select(f.flowId)}>
                  {f.title}
                </Button>
              ))}
            </View>
          ) : null}
          <View className='meet__qr-box'>
            <Image className='meet__qr' src={qr} mode='aspectFit' data-testid='meeting-qr' />
            <Text className='meet__flow-title'>《{flow.title}》</Text>
            <Text className='meet__hint'>请签署人使用微信扫码，完成实名认证后签署</Text>
            <Text className='meet__link' selectable data-testid='meeting-link'>
              {flow.signLink}
            </Text>
          </View>
          <View className='meet__signers'>
            {flow.signers.map((s) => (
              <View key={s.signerId} className={`meet__signer meet__signer--${s.status.toLowerCase()}`} data-testid='meeting-signer'>
                <Text className='meet__signer-name'>
                  {s.enterpriseName ?? '个人'} · {s.roleLabel} · {s.maskedName}
                </Text>
                <Text className='meet__signer-status'>
                  {SIGNER_STATUS_LABEL[s.status]}
                  {s.signedAt ? ` ${dayjs(s.signedAt).format('HH:mm:ss')}` : ''}
                </Text>
              </View>
            ))}
            <Text className='meet__count'>
              已签署 {flow.signedCount} / {flow.signers.length}
            </Text>
          </View>
        </View>
      ) : null}

      {board && meeting.view === 'results' ? (
        <View className='meet__results' data-testid='meeting-results'>
          {board.flows.map((f) => (
            <View key={f.flowId} className='meet__result' onClick={() => meeting.select(f.flowId)}>
              <Text className='meet__result-title'>《{f.title}》</Text>
              <Text className='meet__result-status'>
                {FLOW_STATUS_LABEL[f.status]} · 已签署 {f.signedCount}/{f.signers.length}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

export default observer(MeetingScreen)
