import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react'
import { routes } from '@/routes'
import type { SigningStore } from '@/stores/SigningStore'

/**
 * 合同文件: the PDF of record. Complete: signed by the platform, checkable in 合同验签; before:
 * an unsigned preview. H5 downloads it; WeChat opens it (its menu saves or forwards it).
 */
export const DocumentDownload = observer(function DocumentDownload({ store, complete }: { store: SigningStore; complete: boolean }) {
  const d = store.document
  return (
    <View className='card' data-testid='doc-card'>
      <Text className='card__title'>合同文件（PDF）</Text>
      <Text className='hint'>
        {complete
          ? '签署完成的合同文件带有平台数字签名，任何改动都会使签名失效，可在“合同验签”中核验。'
          : '合同尚未全部签署完成，下载的是预览版，不带数字签名。'}
      </Text>
      {/* label and loading never change together (Taro H5 re-inserts a Button whose label changes while loading) */}
      <Button className='btn btn--primary' disabled={d.busy} onClick={() => void d.download()} data-testid='doc-download'>
        {complete ? '下载合同文件' : '下载预览版'}
      </Button>
      {d.busy ? <Text className='hint'>正在生成合同文件…</Text> : null}
      {d.error ? (
        <Text className='error' data-testid='doc-error'>
          {d.error}
        </Text>
      ) : null}
      {d.last ? (
        <Text className='fineprint' data-testid='doc-done'>
          {d.last.message}（SHA-256 {d.last.sha256.slice(0, 16)}…）
        </Text>
      ) : null}
      {complete ? (
        <Button className='btn btn--small btn--ghost' onClick={() => Taro.navigateTo({ url: routes.verifyPdf })}>
          合同验签
        </Button>
      ) : null}
    </View>
  )
})
