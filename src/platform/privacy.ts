import { makeAutoObservable } from 'mobx'
import { taroStorage } from './storage'

/**
 * The privacy consent prompt shown before the album or camera is used. On WeChat it is driven
 * by wx.onNeedPrivacyAuthorization (the agree button has open-type="agreePrivacyAuthorization");
 * on H5 the app asks the same question itself. A yes is remembered.
 */
const KEY = 'inkseal.privacyConsent'

export class PrivacyPrompt {
  visible = false
  private pending: ((agreed: boolean) => void) | null = null

  constructor() {
    makeAutoObservable<PrivacyPrompt, 'pending'>(this, { pending: false })
  }

  get agreedBefore(): boolean {
    return taroStorage.get(KEY) === 'yes'
  }

  /** Shows the prompt; resolves with the user's answer. */
  ask(): Promise<boolean> {
    if (this.agreedBefore) return Promise.resolve(true)
    this.pending?.(false)
    this.visible = true
    return new Promise((resolve) => {
      this.pending = resolve
    })
  }

  answer(agreed: boolean): void {
    if (agreed) taroStorage.set(KEY, 'yes')
    this.visible = false
    const p = this.pending
    this.pending = null
    p?.(agreed)
  }
}

export const privacyPrompt = new PrivacyPrompt()
