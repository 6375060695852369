import { Image } from '@tarojs/components'
import { useMemo } from 'react'
import { sealDataUrl, type SealSpec } from '@/domain/seal'

/** A seal drawn from its data (ring, star, the name on the arc, the purpose). */
export function SealImage({ spec, size = 120, dim = false }: { spec: SealSpec; size?: number; dim?: boolean }) {
  const src = useMemo(() => sealDataUrl(spec, 160), [spec])
  return <Image className={`org-seal-img${dim ? ' org-seal-img--off' : ''}`} src={src} style={{ width: `${size}px`, height: `${size}px` }} mode='aspectFit' />
}
