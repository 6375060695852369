import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** The bare app's one main-package page: a title (what bench measures first render by) and a button. */
export default function Index() {
  return (
    <View className='page'>
      <View className='page-title'>
        <Text className='page-title__text'>签署码核验</Text>
      </View>
      <Button onClick={() => Taro.navigateTo({ url: '/sub/pages/index/index' })}>下一页</Button>
    </View>
  )
}
