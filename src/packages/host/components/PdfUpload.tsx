import { Button, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import { sizeLabel } from '@/domain/fileType'
import { HOST_PDF_MAX_BYTES, HOST_PDF_MAX_PAGES } from '@/domain/meeting/setup'
import { chooseLocalFile } from '@/platform/fileInput.h5'
import type { HostStore } from '@/stores/host/HostStore'

/** A picked file's name and bytes; null when cancelled or unreadable (`onError` then says why). */
export async function pickFile(accept: string, testId: string, onError: (message: string) => void): Promise<{ name: string; bytes: Uint8Array } | null> {
  const file = await chooseLocalFile(accept, testId)
  if (!file) return null
  try {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
  } catch {
    onError('无法读取该文件，请重新选择')
    return null
  }
}

/** 合同文件: pick the PDF; its check, its pages as they are drawn. */
export const PdfUpload = observer(function PdfUpload({ host }: { host: HostStore }) {
  const doc = host.document
  const choose = async () => {
    const picked = await pickFile('.pdf,application/pdf', 'host-pdf-input', (m) => doc.fail(m))
    if (picked) await host.loadPdf(picked)
  }
  return (
    <View className='card' data-testid='host-document'>
      <Text className='card__title'>合同文件</Text>
      <Text className='hint'>
        上传 PDF 格式的合同，不超过 {sizeLabel(HOST_PDF_MAX_BYTES)}、{HOST_PDF_MAX_PAGES} 页，且未加密。
      </Text>
      {doc.loaded ? (
        <Text className='host-file' data-testid='host-file'>
          {doc.fileName} · 共 {doc.pageCount} 页{doc.rendering ? ` · 正在加载页面 ${doc.renderedCount}/${doc.pageCount}` : ''}
        </Text>
      ) : null}
      <Button className='btn btn--small btn--primary' disabled={doc.opening} onClick={() => void choose()} data-testid='host-pick-pdf'>
        {doc.opening ? '正在读取…' : doc.loaded ? '更换合同' : '上传合同 PDF'}
      </Button>
      {doc.error ? (
        <Text className='error' data-testid='host-pdf-error'>
          {doc.error}
        </Text>
      ) : null}
      {doc.loaded && doc.error && !doc.ready ? (
        <Button className='btn btn--small btn--ghost' onClick={() => void doc.renderMissing()}>
          重新加载页面
        </Button>
      ) : null}
      {host.notice ? <Text className='hint'>{host.notice}</Text> : null}
      {!doc.error && host.error('document') ? <Text className='error'>{host.error('document')}</Text> : null}
    </View>
  )
})
