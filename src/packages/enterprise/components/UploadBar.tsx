import { Text, View } from '@tarojs/components'
import { sizeLabel } from '@/domain/fileType'
import type { UploadProgress } from '@/stores/EnterpriseStore'

/** Upload progress: bytes the backend acknowledged, chunk by chunk. */
export function UploadBar({ upload }: { upload: UploadProgress | null }) {
  if (!upload) return null
  const pct = upload.total ? Math.floor((upload.sent / upload.total) * 100) : 0
  const label =
    upload.phase === 'uploading'
      ? `上传中 ${pct}%`
      : upload.phase === 'processing'
        ? '上传完成，正在校验文件…'
        : upload.phase === 'done'
          ? '上传完成'
          : '上传失败'
  return (
    <View className='ent-upload' data-testid='upload-progress'>
      <View className='ent-upload__head'>
        <Text className='ent-upload__name'>{upload.fileName}</Text>
        <Text className='ent-upload__size'>{sizeLabel(upload.total)}</Text>
      </View>
      <View className='ent-upload__track'>
        <View
          className={`ent-upload__bar ${upload.phase === 'failed' ? 'ent-upload__bar--failed' : ''}`}
          style={{ width: `${upload.phase === 'failed' ? 100 : pct}%` }}
        />
      </View>
      <Text className={upload.phase === 'failed' ? 'error' : 'hint'} data-testid='upload-status'>
        {label}
        {upload.message ? `：${upload.message}` : ''}
      </Text>
    </View>
  )
}
