import { View, Text } from '@tarojs/components'

export default function Index() {
  return <View><Text>InkSeal 电子签</Text></View>
}
