import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import './app.css'

function App({ children }: PropsWithChildren<unknown>) {
  useLaunch(() => {
    console.log('App launched.')
  })
  return children
}

export default App
