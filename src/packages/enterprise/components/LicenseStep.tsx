import { Button, Image, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { useState } from 'react'
import { localUrl, pickImage, readBytes } from '@/platform/files'
import { useEnterpriseStore } from '@/stores/features/enterprise'
import { CloudQuick } from './CloudQuick'
import { UploadBar } from './UploadBar'

/** Step 1: photograph or pick the business licence; it is uploaded and read (OCR). */
export const LicenseStep = observer(function LicenseStep() {
  const ent = useEnterpriseStore()
  const [message, setMessage] = useState<string | null>(null)

  const pick = async (source: 'camera' | 'album') => {
    setMessage(null)
    const r = await pickImage(source)
    if (!r.ok) {
      if (!r.cancelled) setMessage(r.message)
      return
    }
    ent.setPreview(r.file.path)
    let bytes: Uint8Array
    try {
      bytes = await readBytes(r.file.path)
    } catch {
      setMessage('无法读取该图片，请重新选择')
      return
    }
    await ent.uploadLicense({ name: r.file.name, bytes })
  }

  const pickSample = async (key: string, fileName: string) => {
    const dev = ent.devTools
    if (!dev) return
    setMessage(null)
    const bytes = dev.licenseSampleImage(key)
    try {
      ent.setPreview(await localUrl(bytes, 'image/png'))
    } catch {
      ent.setPreview(null)
    }
    await ent.uploadLicense({ name: fileName, bytes })
  }

  const busy = ent.busy
  return (
    <View data-testid='step-license'>
      {ent.app?.status === 'DRAFT' && !ent.app.ocr ? <CloudQuick /> : null}
      <View className='card'>
        <Text className='card__title'>上传营业执照</Text>
        <Text className='hint'>
          请拍摄或选择营业执照正本或副本（党政机关、事业单位等可上传统一社会信用代码证书）。支持 JPG、PNG，不超过 5 MB；照片需四角完整、字迹清晰。
        </Text>
        {ent.preview ? <Image className='ent-preview' src={ent.preview} mode='aspectFit' data-testid='license-preview' /> : null}
        <UploadBar upload={ent.upload} />
        {ent.ocrFailure ? (
          <View className='ent-alert' data-testid='ocr-failure'>
            <Text className='error'>识别失败：{ent.ocrFailure.message}</Text>
          </View>
        ) : null}
        {message ? (
          <Text className='error' data-testid='pick-error'>
            {message}
          </Text>
        ) : null}
        {ent.error ? (
          <Text className='error' data-testid='ent-error'>
            {ent.error}
          </Text>
        ) : null}
        {/* Keyed: changing a Taro H5 button's text in place can break its rendering. */}
        <Button key={ent.ocrFailure ? 'retake' : 'take'} className='btn btn--primary' disabled={busy} onClick={() => void pick('camera')}>
          {ent.ocrFailure ? '重新拍摄' : '拍照上传'}
        </Button>
        <Button className='btn btn--ghost' disabled={busy} onClick={() => void pick('album')}>
          从相册选择
        </Button>
        {ent.app?.ocr ? (
          <Button className='btn btn--ghost' disabled={busy} onClick={() => ent.cancelRetake()}>
            返回，继续使用已识别的营业执照
          </Button>
        ) : null}
      </View>

      {ent.devTools ? (
        <View className='card card--info' data-testid='license-samples'>
          <Text className='card__title'>使用演示营业执照（沙箱）</Text>
          <Text className='fineprint'>沙箱无法真正识别图片：演示执照图片带有标记，沙箱按标记“识别”；其他图片按内容哈希对应到一份演示执照或识别失败。</Text>
          {ent.samples.map((s) => (
            <View className='ent-sample' key={s.key} data-testid='license-sample'>
              <View className='ent-sample__text'>
                <Text className='ent-sample__label'>{s.label}</Text>
                <Text className='fineprint'>{s.description}</Text>
                {s.legalRep ? (
                  <Text className='mono'>
                    法定代表人：{s.legalRep.name} · {s.legalRep.idNumber} · {s.legalRep.mobile}
                  </Text>
                ) : null}
              </View>
              <Button className='btn btn--small btn--ghost' disabled={busy} onClick={() => void pickSample(s.key, s.fileName)} data-testid={`sample-${s.key}`}>
                使用
              </Button>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
})
