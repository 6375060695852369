import { Image, View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrDataUrl } from '@/domain/enterprise/qr'

/** A QR code as a PNG data URL (same on WeChat and H5; no canvas). */
export function QrImage({ text, testId }: { text: string; testId?: string }) {
  const src = useMemo(() => qrDataUrl(text, 6), [text])
  return (
    <View className='ent-qr'>
      <Image className='ent-qr__img' src={src} mode='aspectFit' data-testid={testId} />
    </View>
  )
}
