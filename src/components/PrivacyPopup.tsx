import { Button, View, Text } from '@tarojs/components'
import { observer } from 'mobx-react'
import { privacyPrompt } from '@/platform/privacy'

/** Consent before album or camera use. On WeChat the agree button carries
 * open-type="agreePrivacyAuthorization" so the platform records the consent too. */
export const PrivacyPopup = observer(function PrivacyPopup() {
  if (!privacyPrompt.visible) return null
  return (
    <View className='modal-mask'>
      <View className='modal' data-testid='privacy-popup'>
        <Text className='modal__title'>隐私保护提示</Text>
        <Text className='modal__body'>
          为识别签署二维码，InkSeal 需要使用你的摄像头或相册。图片只在本机识别，不会上传。请阅读并同意《InkSeal 隐私保护指引》后继续。
        </Text>
        <View className='modal__actions'>
          <Button className='btn btn--ghost' onClick={() => privacyPrompt.answer(false)}>
            拒绝
          </Button>
          <Button id='privacy-agree' className='btn btn--primary' openType='agreePrivacyAuthorization' onClick={() => privacyPrompt.answer(true)}>
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
})
