import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { makeAutoObservable } from 'mobx'
import { observer } from 'mobx-react'

/**
 * The bare app's page with MobX added and nothing else (bench only): a makeAutoObservable store
 * read by an observer view (mobx-react's observer), as every InkSeal page is. Replaces bench/bare's page in a copy of
 * the bare app, to show what the state library alone costs the first render.
 */
class TitleStore {
  title = '签署码核验'

  constructor() {
    makeAutoObservable(this)
  }

  rename(t: string): void {
    this.title = t
  }
}

const store = new TitleStore()

export default observer(function Index() {
  return (
    <View className='page'>
      <View className='page-title'>
        <Text className='page-title__text'>{store.title}</Text>
      </View>
      <Button onClick={() => Taro.navigateTo({ url: '/sub/pages/index/index' })}>下一页</Button>
      <Button onClick={() => store.rename('签署码')}>改名</Button>
    </View>
  )
})
