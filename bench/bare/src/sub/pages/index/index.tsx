import { Text, View } from '@tarojs/components'

export default function SubIndex() {
  return (
    <View className='page'>
      <Text>分包页面</Text>
    </View>
  )
}
