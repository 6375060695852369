import Taro from '@tarojs/taro'
import type { KeyValueStore } from '@/services/storage'

/** Taro storage (wx storage on WeChat, localStorage on H5) as a KeyValueStore. */
export const taroStorage: KeyValueStore = {
  get(key) {
    try {
      const v = Taro.getStorageSync(key)
      return typeof v === 'string' && v !== '' ? v : null
    } catch {
      return null
    }
  },
  set(key, value) {
    Taro.setStorageSync(key, value)
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // nothing stored
    }
  }
}
