import Taro from '@tarojs/taro'
import { LINK_HOSTS, PRODUCTION_LINK_BASE } from './config'
import { privacyPrompt } from './privacy'
import type { PlatformAdapter, ScanOutcome } from './types'

/** WeChat: the mini-program's own scanner and privacy API. */

function cancelledOr(e: unknown, fallback: string): ScanOutcome {
  const msg = String((e as { errMsg?: string })?.errMsg ?? e ?? '')
  if (/cancel/i.test(msg)) return { ok: false, cancelled: true, message: '已取消扫码' }
  if (/auth deny|authorize|privacy/i.test(msg)) {
    return { ok: false, cancelled: false, message: '未获得摄像头或相册权限，请在设置中允许后重试' }
  }
  return { ok: false, cancelled: false, message: fallback }
}

async function scan(onlyFromCamera: boolean): Promise<ScanOutcome> {
  if (!(await adapter.requirePrivacyConsent())) {
    return { ok: false, cancelled: true, message: '需要同意隐私保护指引后才能使用摄像头或相册' }
  }
  try {
    const res = await Taro.scanCode({ onlyFromCamera, scanType: ['qrCode'] })
    // A mini-program code of our own carries its payload in `path` (…?scene=PAYLOAD).
    const path = (res as { path?: string }).path
    if (path) {
      const m = /[?&]scene=([^&]+)/.exec(path)
      if (m) return { ok: true, text: m[1] }
    }
    return { ok: true, text: res.result }
  } catch (e) {
    return cancelledOr(e, '没有识别到二维码，请对准签署码重试')
  }
}

let privacyHookInstalled = false

function installPrivacyHook(): void {
  if (privacyHookInstalled || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  privacyHookInstalled = true
  // WeChat asks us to show our own popup; its agree button carries open-type="agreePrivacyAuthorization".
  Taro.onNeedPrivacyAuthorization((resolve) => {
    privacyPrompt.ask().then((agreed) => resolve(agreed ? { event: 'agree', buttonId: 'privacy-agree' } : { event: 'disagree' }))
  })
}

export const adapter: PlatformAdapter = {
  name: 'weapp',
  scanQr: () => scan(true),
  pickQrImage: () => scan(false),
  consumeLaunchLink: () => null,
  linkBase: () => PRODUCTION_LINK_BASE,
  allowedHosts: () => LINK_HOSTS,
  requirePrivacyConsent() {
    installPrivacyHook()
    if (typeof Taro.requirePrivacyAuthorize !== 'function') return privacyPrompt.ask()
    return new Promise<boolean>((resolve) => {
      Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
    })
  }
}
