import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react'
import { useEffect, useState } from 'react'
import { formatClock } from '@/domain/localTime'
import { useStore } from '@/stores/StoreContext'

const SHOW_FOR_MS = 5 * 60 * 1000

/**
 * There is no phone here: when the backend is the sandbox (embedded, or the sandbox server over
 * HTTP: then the outbox is fetched each second), the SMS it "sent" in the last five minutes
 * shows at the top of the page, like a phone notification. Absent with a real backend.
 */
export const SandboxSmsNotice = observer(function SandboxSmsNotice() {
  const { dev } = useStore()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!dev) return undefined
    void dev.refreshOutbox()
    const t = setInterval(() => {
      void dev.refreshOutbox()
      setNow(Date.now())
    }, 1000)
    return () => clearInterval(t)
  }, [dev])
  const sms = dev?.latestSms
  if (!sms || now - sms.sentAt > SHOW_FOR_MS) return null
  return (
    <View className='sms-notice' data-testid='sandbox-sms'>
      <Text className='sms-notice__meta'>
        模拟短信 · 发送至 {sms.to} · {formatClock(sms.sentAt)}
      </Text>
      <Text className='sms-notice__text'>{sms.text}</Text>
    </View>
  )
})
