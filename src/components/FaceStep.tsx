import { Button, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { FACE_ACTION_LABEL, FACE_ACTIONS, simulatedCapture } from '@/platform/face'
import type { FaceCapture } from '@/services/types'

const CAPTURE_MS = 1500

/**
 * The simulated liveness step (see src/platform/face.ts): the user is asked for an action,
 * frames are "captured" for 1.5 s, and the capture goes to the backend for comparison.
 */
export function FaceStep(props: {
  maskedName: string
  busy: boolean
  error: string | null
  onCapture: (c: FaceCapture) => void
  /** The action the backend asked for (intent confirmation); else one is picked at random */
  action?: FaceCapture['action']
}) {
  const [randomAction] = useState<FaceCapture['action']>(() => FACE_ACTIONS[Math.floor(Math.random() * FACE_ACTIONS.length)])
  const action = props.action ?? randomAction
  const [capturing, setCapturing] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    []
  )

  const start = () => {
    setCapturing(true)
    timer.current = setTimeout(() => {
      setCapturing(false)
      props.onCapture(simulatedCapture(action, true))
    }, CAPTURE_MS)
  }

  return (
    <View className='card' data-testid='face-step'>
      <Text className='card__title'>人脸识别</Text>
      <Text className='hint'>请 {props.maskedName} 本人正对屏幕，保持光线充足。</Text>
      <View className={`face-ring ${capturing ? 'face-ring--active' : ''}`}>
        <Text className='face-ring__text'>{capturing ? FACE_ACTION_LABEL[action] : '准备就绪'}</Text>
      </View>
      {props.error ? (
        <Text className='error' data-testid='face-error'>
          {props.error}
        </Text>
      ) : null}
      {/* No `loading` prop: on Taro H5 toggling it while the label changes breaks the DOM (insertBefore). */}
      <Button className='btn btn--primary' disabled={capturing || props.busy} onClick={start}>
        {capturing ? '识别中…' : props.busy ? '比对中…' : '开始人脸识别'}
      </Button>
      <Text className='fineprint'>模拟人脸核身：微信仅向特定行业开放人脸核身接口，本环境中由沙箱完成比对。</Text>
    </View>
  )
}
