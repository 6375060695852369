import { Button, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react'
import dayjs from 'dayjs'
import { PageShell } from '@/components/PageShell'
import type { VerdictStatus } from '@/domain/pdf/verdict'
import { pickPdf, readBytes } from '@/platform/files'
import { usePdfVerifyStore } from '@/stores/features/pdfVerify'

const CARD: Record<VerdictStatus, string> = {
  VALID: 'card ent-card--ok',
  ALTERED: 'card card--error',
  APPENDED: 'card card--warn',
  UNSIGNED: 'card card--warn',
  BAD_FILE: 'card card--error'
}

/**
 * 合同验签: pick a contract PDF; the device checks its digital signature and says whether it is
 * valid, who signed, and whether the file was changed after signing.
 */
function VerifyPdf() {
  const store = usePdfVerifyStore()

  const choose = async () => {
    const picked = await pickPdf()
    if (!picked.ok) {
      if (!picked.cancelled) store.fail(picked.message)
      return
    }
    try {
      const bytes = await readBytes(picked.file.path)
      await store.verify({ name: picked.file.name, bytes })
    } catch {
      store.fail('无法读取该文件，请重新选择')
    }
  }

  const v = store.verdict
  return (
    <PageShell title='合同验签'>
      <View className='card card--info'>
        <Text className='hint'>
          选择一份经 InkSeal 电子签签署完成的合同 PDF，在本机核验其数字签名：签名是否有效、由谁签署、签署后是否被改动。文件不会上传。
        </Text>
        <Button className='btn btn--primary' loading={store.checking} disabled={store.checking} onClick={() => void choose()} data-testid='verify-pick'>
          {v || store.error ? '重新选择文件' : '选择合同 PDF'}
        </Button>
      </View>
      {store.error ? (
        <View className='card card--error' data-testid='verify-error'>
          <Text className='error'>{store.error}</Text>
        </View>
      ) : null}
      {store.checking ? <Text className='hint'>正在核验 {store.fileName}…</Text> : null}
      {v ? (
        <View className={CARD[v.status]} data-testid='verify-result' data-status={v.status}>
          <Text className='card__title'>{v.title}</Text>
          <Text className='hint'>{v.detail}</Text>
          <View className='kv'>
            <Text className='kv__k'>文件</Text>
            <Text className='kv__v'>
              {store.fileName}（{store.fileSize}）
            </Text>
          </View>
          {v.signer ? (
            <>
              <View className='kv'>
                <Text className='kv__k'>签章证书</Text>
                <Text className='kv__v' data-testid='verify-signer'>
                  {v.signer.commonName}
                </Text>
              </View>
              <View className='kv'>
                <Text className='kv__k'>证书颁发者</Text>
                <Text className='kv__v'>{v.signer.issuer}</Text>
              </View>
              {v.signer.signedAt ? (
                <View className='kv'>
                  <Text className='kv__k'>签署时间</Text>
                  <Text className='kv__v'>{dayjs(v.signer.signedAt).format('YYYY-MM-DD HH:mm:ss')}</Text>
                </View>
              ) : null}
            </>
          ) : null}
          {v.signatures > 1 ? <Text className='fineprint'>文件中共有 {v.signatures} 个数字签名，均已核验。</Text> : null}
          {v.signer ? <Text className='fineprint'>证书由 InkSeal 沙箱测试根证书签发，仅在本系统内可信。</Text> : null}
        </View>
      ) : null}
    </PageShell>
  )
}

export default observer(VerifyPdf)
