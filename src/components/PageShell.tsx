import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react'
import type { PropsWithChildren } from 'react'
import { PrivacyPopup } from './PrivacyPopup'
import { SandboxSmsNotice } from './SandboxSmsNotice'

/** Every page: its title as visible text, the privacy prompt, and the sandbox SMS notice. */
export const PageShell = observer(function PageShell({ title, children }: PropsWithChildren<{ title: string }>) {
  return (
    <View className='page'>
      <SandboxSmsNotice />
      <View className='page-title'>
        <Text className='page-title__text'>{title}</Text>
      </View>
      {children}
      <PrivacyPopup />
    </View>
  )
})
