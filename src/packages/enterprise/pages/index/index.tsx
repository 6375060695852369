import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'

// Placeholder while this page is being built.
export default function Page() {
  return (
    <PageShell title='企业认证'>
      <View className='card'><Text className='hint'>建设中</Text></View>
    </PageShell>
  )
}
