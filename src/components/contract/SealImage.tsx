import { Image } from '@tarojs/components'
import { useMemo } from 'react'
import { sealDataUrl } from '@/domain/seal'
import type { SealSpec } from '@/services/types'

/** A round seal drawn from its data with the domain seal geometry (SVG, base64 data URL). */
export function SealImage({ spec, size, className }: { spec: SealSpec; size: number; className?: string }) {
  const { text, purpose, color } = spec
  const src = useMemo(() => sealDataUrl({ text, purpose, color }, 160), [text, purpose, color])
  return <Image className={className} src={src} mode='scaleToFill' style={{ width: `${size}px`, height: `${size}px`, display: 'block' }} />
}
