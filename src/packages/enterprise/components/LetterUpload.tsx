import { Button, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { useState } from 'react'
import { pickDocument, pickImage, readBytes, saveAndOpen } from '@/platform/files'
import { useEnterpriseStore } from '@/stores/features/enterprise'
import { UploadBar } from './UploadBar'

/** The authorization letter: the template (shown and downloadable) and the signed upload. */
export const LetterUpload = observer(function LetterUpload() {
  const ent = useEnterpriseStore()
  const [message, setMessage] = useState<string | null>(null)
  const [showTemplate, setShowTemplate] = useState(false)

  const viewTemplate = async () => {
    const t = await ent.loadTemplate()
    if (t) setShowTemplate(!showTemplate)
  }

  const download = async () => {
    setMessage(null)
    const t = await ent.loadTemplate()
    const bytes = ent.templateBytes()
    if (!t || !bytes) return
    const r = await saveAndOpen(bytes, t.fileName, t.mimeType)
    setMessage(r.message)
  }

  const submit = async (how: 'document' | 'camera') => {
    setMessage(null)
    const r = how === 'document' ? await pickDocument() : await pickImage('camera')
    if (!r.ok) {
      if (!r.cancelled) setMessage(r.message)
      return
    }
    let bytes: Uint8Array
    try {
      bytes = await readBytes(r.file.path)
    } catch {
      setMessage('无法读取该文件，请重新选择')
      return
    }
    await ent.submitLetter({ name: r.file.name, bytes })
  }

  return (
    <View className='ent-letter' data-testid='letter-upload'>
      <Text className='hint'>1. 下载授权书模板，打印后由法定代表人签字并加盖单位公章。</Text>
      <View className='row'>
        <Button className='btn btn--small btn--ghost' disabled={ent.busy} onClick={() => void viewTemplate()} data-testid='view-template'>
          {showTemplate ? '收起模板' : '查看模板'}
        </Button>
        <Button className='btn btn--small btn--ghost' disabled={ent.busy} onClick={() => void download()} data-testid='download-template'>
          下载模板（PDF）
        </Button>
      </View>
      {showTemplate && ent.template ? (
        <View className='ent-template' data-testid='template-text'>
          {ent.template.lines.map((l, i) => (
            <Text className={i === 0 ? 'ent-template__title' : 'ent-template__line'} key={i}>
              {l}
            </Text>
          ))}
        </View>
      ) : null}
      <Text className='hint'>2. 上传签字盖章后的授权书：JPG、PNG 或 PDF，不超过 8 MB。提交后进入人工审核。</Text>
      <UploadBar upload={ent.upload?.purpose === 'LETTER' ? ent.upload : null} />
      {message ? (
        <Text className='hint' data-testid='letter-message'>
          {message}
        </Text>
      ) : null}
      {ent.error ? (
        <Text className='error' data-testid='ent-error'>
          {ent.error}
        </Text>
      ) : null}
      <Button className='btn btn--primary' disabled={ent.busy} onClick={() => void submit('document')} data-testid='pick-letter'>
        选择授权书文件（PDF 或图片）
      </Button>
      <Button className='btn btn--ghost' disabled={ent.busy} onClick={() => void submit('camera')}>
        拍照上传授权书
      </Button>
      {ent.devTools ? (
        <Button className='btn btn--ghost' disabled={ent.busy} onClick={() => void ent.useSampleLetter()} data-testid='sample-letter'>
          使用演示授权书（沙箱）
        </Button>
      ) : null}
    </View>
  )
})
