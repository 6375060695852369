import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { routes } from '@/routes'

/** What a signing page shows when it is opened without a flow id or without a session. */
export function MissingPage({ title, testId, message }: { title: string; testId: string; message: string }) {
  return (
    <PageShell title={title}>
      <View className='card card--warn' data-testid={testId}>
        <Text className='error'>{message}</Text>
        <Button className='btn btn--ghost' onClick={() => Taro.reLaunch({ url: routes.home })}>
          返回首页
        </Button>
      </View>
    </PageShell>
  )
}
