/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-function-type, @typescript-eslint/no-this-alias */
/**
 * A stand-in WeChat host for smoke-testing the BUILT weapp output (dist/weapp) in Node.
 *
 * It runs the build's JavaScript in a `vm` context that looks like WeChat's app-service
 * JS engine: ECMAScript built-ins plus `wx`, `App`, `Page`, `Component`, `Behavior`, `getApp`,
 * `getCurrentPages`, `requirePlugin`, `console` and timers, and NOTHING from the browser or
 * from Node (no window, document, localStorage, navigator, URL, TextEncoder, fetch, Buffer,
 * process...). `eval` / `new Function` are disabled, as they are in WeChat.
 *
 * Files are loaded the way WeChat loads them: app.js (which requires vendors/taro/runtime),
 * then the custom components a page uses, then the page's js; the objects passed to App(),
 * Page() and Component() are captured. A page is then instantiated the way WeChat does it
 * (own copy of `data`, `setData` applying path keys such as `root.cn.[0].cn.[1].v`, `route`,
 * `options`) and driven through onLoad -> onShow -> (first setData) -> onReady.
 *
 * Timers are virtual: setTimeout/setInterval callbacks run in due order on a virtual clock,
 * so a settle of "1000 ms" takes a few milliseconds of real time and is deterministic.
 * Math.random is seeded for the same reason.
 *
 * See docs/weapp-smoke.md for what it does not emulate.
 *
 * Lint: this file stands in for WeChat's untyped runtime (wx APIs, the App/Page/Component
 * option objects, callbacks called with their own `this`), hence `any`, `Function` and `this`
 * captured for such callbacks.
 */
import * as fs from 'fs'
import * as path from 'path'
import * as util from 'util'
import * as vm from 'vm'
import { randomFn as mulberry32 } from '@/domain/random'

// ---------------------------------------------------------------------------------------------
// app.json helpers
// ---------------------------------------------------------------------------------------------

export interface AppJson {
  pages: string[]
  subpackages?: SubPackageJson[]
  subPackages?: SubPackageJson[]
  window?: Record<string, unknown>
  usingComponents?: Record<string, string>
  [key: string]: unknown
}

export interface SubPackageJson {
  root: string
  name?: string
  pages?: string[]
  independent?: boolean
}

export interface PageEntry {
  /** full route without leading slash, e.g. `pages/index/index` or `sub/pages/a/index` */
  route: string
  /** subpackage root (normalised, no trailing slash), or null for the main package */
  packageRoot: string | null
}

export function readJson<T = any>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T
}

export function readAppJson(buildDir: string): AppJson {
  return readJson<AppJson>(path.join(buildDir, 'app.json'))
}

function normaliseRoot(root: string): string {
  return path.posix
    .normalize(root.replace(/\\/g, '/'))
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '')
}

/** Both spellings WeChat accepts (`subpackages`, `subPackages`), de-duplicated by root. */
export function subPackagesOf(appJson: AppJson): SubPackageJson[] {
  const all = [...(appJson.subpackages || []), ...(appJson.subPackages || [])]
  const seen = new Set<string>()
  return all.filter((sp) => {
    const root = normaliseRoot(sp.root)
    if (seen.has(root)) return false
    seen.add(root)
    return true
  })
}

/** Every page of the main package and of every subpackage, in app.json order. */
export function listPages(appJson: AppJson): PageEntry[] {
  const out: PageEntry[] = (appJson.pages || []).map((route) => ({ route: stripSlashes(route), packageRoot: null }))
  for (const sp of subPackagesOf(appJson)) {
    const root = normaliseRoot(sp.root)
    for (const p of sp.pages || []) out.push({ route: `${root}/${stripSlashes(p)}`, packageRoot: root })
  }
  return out
}

function stripSlashes(s: string): string {
  return s.replace(/^\/+/, '').replace(/\/+$/, '')
}

/** The title a page must show: its own navigationBarTitleText, else app.json window's. */
export function pageTitle(buildDir: string, appJson: AppJson, route: string): { title: string | undefined; source: string } {
  const pageJsonFile = path.join(buildDir, `${route}.json`)
  if (fs.existsSync(pageJsonFile)) {
    const pageJson = readJson<Record<string, unknown>>(pageJsonFile)
    if (typeof pageJson.navigationBarTitleText === 'string' && pageJson.navigationBarTitleText !== '') {
      return { title: pageJson.navigationBarTitleText, source: `${route}.json navigationBarTitleText` }
    }
  }
  const t = appJson.window && appJson.window.navigationBarTitleText
  return typeof t === 'string' && t !== '' ? { title: t, source: 'app.json window.navigationBarTitleText' } : { title: undefined, source: 'none' }
}

export interface PackageSize {
  /** 'main' or the subpackage root */
  name: string
  root: string | null
  bytes: number
  files: { file: string; bytes: number }[]
}

/** Files the developer tools never upload as part of a package. */
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json'])

/**
 * Size of every package: a subpackage is everything under its root, the main package is
 * everything else (including the shared runtime: app.js, taro.js, vendors.js, base.wxml...).
 */
export function packageSizes(buildDir: string, appJson: AppJson): PackageSize[] {
  const roots = subPackagesOf(appJson).map((sp) => normaliseRoot(sp.root))
  const pkgs = new Map<string, PackageSize>()
  pkgs.set('main', { name: 'main', root: null, bytes: 0, files: [] })
  for (const r of roots) pkgs.set(r, { name: r, root: r, bytes: 0, files: [] })
  const walk = (dir: string) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, ent.name)
      if (ent.isDirectory()) {
        walk(abs)
        continue
      }
      const rel = path.relative(buildDir, abs).split(path.sep).join('/')
      if (NOT_PACKAGED.has(rel)) continue
      const bytes = fs.statSync(abs).size
      // the longest matching root wins (roots may be nested in odd setups)
      const root = roots.filter((r) => rel.startsWith(r + '/')).sort((a, b) => b.length - a.length)[0]
      const pkg = pkgs.get(root || 'main')!
      pkg.bytes += bytes
      pkg.files.push({ file: rel, bytes })
    }
  }
  walk(buildDir)
  for (const p of pkgs.values()) p.files.sort((a, b) => b.bytes - a.bytes)
  return [...pkgs.values()]
}

// ---------------------------------------------------------------------------------------------
// Rendered data tree helpers
// ---------------------------------------------------------------------------------------------

/**
 * All text in a Taro data tree, in document order. Taro's page data is `{ root: { cn: [...] } }`;
 * every node keeps its children in `cn` and a text node keeps its text in `v`
 * (Shortcuts.Childnodes / Shortcuts.Text in @tarojs/runtime).
 */
export function collectTexts(data: any): string[] {
  const out: string[] = []
  const walk = (node: any) => {
    if (node == null || typeof node !== 'object') return
    if (Array.isArray(node)) {
      node.forEach(walk)
      return
    }
    if (typeof node.v === 'string' || typeof node.v === 'number') out.push(String(node.v))
    if (node.cn) walk(node.cn)
  }
  walk(data && (data.root || data.i) ? data.root || data.i : data)
  return out
}

/** Splits a WeChat setData key (`a.b[0].c`, Taro's `root.cn.[0].v`) into property names. */
export function parseDataPath(key: string): (string | number)[] {
  const out: (string | number)[] = []
  const re = /\[(\d+)\]|([^.[\]]+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(key))) out.push(m[1] !== undefined ? Number(m[1]) : m[2])
  return out
}

export function setDataPath(target: Record<string, any>, key: string, value: unknown): void {
  const parts = parseDataPath(key)
  if (parts.length === 0) return
  let cur: any = target
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i]
    if (cur[k] == null || typeof cur[k] !== 'object') cur[k] = typeof parts[i + 1] === 'number' ? [] : {}
    cur = cur[k]
  }
  cur[parts[parts.length - 1]] = value
}

// ---------------------------------------------------------------------------------------------
// Error reporting helpers
// ---------------------------------------------------------------------------------------------

/** Globals that exist in a browser or in Node but not in WeChat's app-service engine. */
const NON_WEAPP_GLOBALS = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'history',
  'self',
  'XMLHttpRequest',
  'fetch',
  'WebSocket',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'getComputedStyle',
  'matchMedia',
  'HTMLElement',
  'Element',
  'Node',
  'Image',
  'FileReader',
  'Blob',
  'File',
  'FormData',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'crypto',
  'performance',
  'indexedDB',
  'alert',
  'confirm',
  'prompt',
  'screen',
  'MutationObserver',
  'IntersectionObserver',
  'ResizeObserver',
  'CustomEvent',
  'Event',
  'EventTarget',
  'AbortController',
  'structuredClone',
  'queueMicrotask',
  'MessageChannel',
  'setImmediate',
  'process',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'WebAssembly'
]
const NON_WEAPP_GLOBAL_RE = new RegExp(`^(${NON_WEAPP_GLOBALS.join('|')}) is not defined$`)

function isErrorLike(e: unknown): e is { name: string; message: string; stack?: string } {
  return !!e && typeof e === 'object' && typeof (e as any).message === 'string'
}

export interface HostError {
  /** what the host was doing: `app.js`, `App.onLaunch`, `pages/x/x onLoad`, `timer (scheduled during ...)` */
  phase: string
  error: unknown
  /** one-line summary with a hint when a browser/Node-only global was used */
  summary: string
  /** stack frames inside the build, paths relative to the build dir */
  frames: string[]
  /** how many times this same error was reported (React retries a failed render once) */
  count: number
}

export function describeError(error: unknown, buildDir: string): { summary: string; frames: string[] } {
  if (typeof error === 'string' && /\n\s+at /.test(error)) {
    // App.onError gets a string: Taro passes `error.message + error.stack`
    const lines = error.split('\n')
    const m = /([A-Z]\w*Error): (.*)$/.exec(lines[0])
    const fake = { name: m ? m[1] : 'Error', message: m ? m[2] : lines[0], stack: error }
    return describeError(fake, buildDir)
  }
  if (!isErrorLike(error)) {
    return { summary: `non-Error thrown: ${util.inspect(error, { depth: 2, breakLength: Infinity })}`, frames: [] }
  }
  const name = (error as any).name || 'Error'
  let summary = `${name}: ${error.message}`
  const global = name === 'ReferenceError' && NON_WEAPP_GLOBAL_RE.exec(error.message)
  if (global) {
    // (worded so that jest does not append its "consider the jsdom environment" hint)
    summary =
      `ReferenceError: the global '${global[1]}' does not exist in WeChat's JS engine (browser/Node-only); ` +
      'guard it with process.env.TARO_ENV or use a Taro API'
  } else if (name === 'EvalError') {
    summary += ' (WeChat forbids eval / new Function)'
  }
  // Frames inside the build, written "file:line:col (function)": a line starting with "at "
  // would make jest treat the rest of the message as a stack trace and drop it.
  const frames = String(error.stack || '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l) && l.includes(buildDir))
    .slice(0, 6)
    .map((l) => {
      const rel = l
        .trim()
        .replace(/^at /, '')
        .split(buildDir + path.sep)
        .join('')
      const m = /^(.*) \((.*)\)$/.exec(rel)
      return m ? `${m[2]} (${m[1]})` : rel
    })
  return { summary, frames }
}

export function formatHostErrors(errors: HostError[]): string {
  return errors
    .map((e, i) => {
      const frames = e.frames.length ? '\n' + e.frames.map((f) => `        ${f}`).join('\n') : ''
      return `  ${i + 1}. during ${e.phase}: ${e.summary}${e.count > 1 ? ` (x${e.count})` : ''}${frames}`
    })
    .join('\n')
}

// ---------------------------------------------------------------------------------------------
// The host
// ---------------------------------------------------------------------------------------------

export interface WxCall {
  api: string
  phase: string
  /** short rendering of the first argument */
  arg: string
}

export interface ConsoleLine {
  level: string
  phase: string
  text: string
}

export interface Registration {
  kind: 'Page' | 'Component'
  /** the file whose evaluation called Page()/Component(), relative to the build dir, no extension */
  path: string
  options: any
}

export interface RequestLike {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  [key: string]: unknown
}

export interface ResponseLike {
  statusCode: number
  data?: unknown
  header?: Record<string, string>
}

export interface WeappHostOptions {
  buildDir: string
  /** extra/overridden fields for getSystemInfoSync / getWindowInfo / getDeviceInfo / getAppBaseInfo */
  systemInfo?: Record<string, unknown>
  /** initial storage content (values are stored as given) */
  storage?: Record<string, unknown>
  /** answers wx.request; default: every request fails with `request:fail ... no network` */
  request?: (req: RequestLike) => ResponseLike | Promise<ResponseLike>
  /** what wx.showModal resolves with; default: the user dismissed it (`confirm: false, cancel: true`) */
  modalResult?: { confirm: boolean; cancel: boolean; content?: string }
  /** forbid eval/new Function as WeChat does (default true) */
  forbidCodeGeneration?: boolean
  /** called with each host log line (not-emulated wx calls, page console output) as it happens */
  log?: (line: string) => void
  /** virtual milliseconds a settle() lets timers run (default 1000) */
  settleMs?: number
  /** seed for the context's Math.random (default 1) */
  randomSeed?: number
  /**
   * Extra globals for the context. For diagnosis only, e.g. `{ TextEncoder }` to see what
   * else fails once a known problem is out of the way; WeChat itself has none of them.
   */
  globals?: Record<string, unknown>
}

export interface PageRun {
  route: string
  registered: boolean
  instance: any
  /** the page's data after first render + settle */
  data: any
  texts: string[]
  /** number of setData calls on the page */
  setDataCount: number
  /** true once the first setData callback ran */
  rendered: boolean
}

/** WeChat's limit for the data of one setData call. */
export const SET_DATA_LIMIT_BYTES = 1024 * 1024

interface VirtualTimer {
  id: number
  due: number
  seq: number
  fn: (...args: any[]) => unknown
  args: unknown[]
  interval: number | null
  /** label used for errors thrown by the callback */
  phase: string
  /** the host phase (lifecycle, module load...) that started this chain of async work */
  origin: string
}

/** Every wx API in miniprogram-api-typings 3.12 (interface Wx), plus the facial-verification ones. */
const WX_API_NAMES = (
  'addCard addFileToFavorites addPhoneCalendar addPhoneContact addPhoneRepeatCalendar ' +
  'addVideoToFavorites arrayBufferToBase64 authPrivateMessage authorize authorizeForMiniProgram ' +
  'base64ToArrayBuffer batchGetStorage batchGetStorageSync batchSetStorage batchSetStorageSync canIUse ' +
  'canvasGetImageData canvasPutImageData canvasToTempFilePath checkIsAddedToMyMiniProgram ' +
  'checkIsOpenAccessibility checkIsPictureInPictureActive checkIsSoterEnrolledInDevice ' +
  'checkIsSupportFacialRecognition checkIsSupportSoterAuthentication checkSession chooseAddress ' +
  'chooseContact chooseImage chooseInvoice chooseInvoiceTitle chooseLicensePlate chooseLocation ' +
  'chooseMedia chooseMessageFile choosePoi chooseVideo clearStorage clearStorageSync closeBLEConnection ' +
  'closeBluetoothAdapter closeSocket compressImage compressVideo connectSocket connectWifi ' +
  'createAnimation createAudioContext createBLEConnection createBLEPeripheralServer ' +
  'createBufferURL createCacheManager createCameraContext createCanvasContext createEditorContext ' +
  'createInferenceSession createInnerAudioContext createIntersectionObserver createInterstitialAd ' +
  'createLivePlayerContext createLivePusherContext createMapContext createMediaAudioPlayer ' +
  'createMediaContainer createMediaRecorder createOffscreenCanvas createRewardedVideoAd ' +
  'createSelectorQuery createTCPSocket createUDPSocket createVKSession createVideoContext ' +
  'createVideoDecoder createWebAudioContext createWorker cropImage disableAlertBeforeUnload ' +
  'downloadFile editImage enableAlertBeforeUnload exitMiniProgram exitVoIPChat ' +
  'faceDetect getAccountInfoSync getAppAuthorizeSetting getAppBaseInfo getAvailableAudioSources ' +
  'getBLEDeviceCharacteristics getBLEDeviceRSSI getBLEDeviceServices getBLEMTU getBackgroundAudioManager ' +
  'getBackgroundAudioPlayerState getBackgroundFetchData getBackgroundFetchToken getBatteryInfo ' +
  'getBatteryInfoSync getBeacons getBluetoothAdapterState getBluetoothDevices getChannelsLiveInfo ' +
  'getChannelsLiveNoticeInfo getChannelsShareKey getClipboardData getCommonConfig ' +
  'getConnectedBluetoothDevices getConnectedWifi getDeviceInfo getDeviceVoIPList getEnterOptionsSync ' +
  'getExptInfoSync getExtConfig getExtConfigSync getFileInfo getFileSystemManager getFuzzyLocation ' +
  'getGroupEnterInfo getHCEState getImageInfo getLaunchOptionsSync getLocalIPAddress getLocation ' +
  'getLogManager getMenuButtonBoundingClientRect getNFCAdapter getNetworkType getPerformance ' +
  'getPrivacySetting getRandomValues getRealtimeLogManager getRecorderManager getSavedFileInfo ' +
  'getSavedFileList getScreenBrightness getScreenRecordingState getSelectedTextRange getSetting ' +
  'getShareInfo getSkylineInfo getSkylineInfoSync getStorage getStorageInfo getStorageInfoSync ' +
  'getStorageSync getSystemInfo getSystemInfoAsync getSystemInfoSync getSystemSetting getUpdateManager ' +
  'getUserInfo getUserProfile getVideoInfo getWeRunData getWifiList getWindowInfo hideHomeButton ' +
  'hideKeyboard hideLoading hideNavigationBarLoading hideShareMenu hideTabBar hideTabBarRedDot ' +
  'hideToast initFaceDetect isBluetoothDevicePaired isVKSupport join1v1Chat joinVoIPChat ' +
  'loadFontFace login makeBluetoothPair makePhoneCall navigateBack navigateBackMiniProgram navigateTo ' +
  'navigateToMiniProgram nextTick notifyBLECharacteristicValueChange offAccelerometerChange ' +
  'offAppHide offAppShow offAudioInterruptionBegin offAudioInterruptionEnd offBLECharacteristicValueChange ' +
  'offBLEConnectionStateChange offBLEMTUChange offBLEPeripheralConnectionStateChanged ' +
  'offBeaconServiceChange offBeaconUpdate offBluetoothAdapterStateChange offBluetoothDeviceFound ' +
  'offCompassChange offCopyUrl offDeviceMotionChange offError offGetWifiList offGyroscopeChange ' +
  'offHCEMessage offKeyboardHeightChange offLazyLoadError offLocalServiceDiscoveryStop ' +
  'offLocalServiceFound offLocalServiceLost offLocalServiceResolveFail offLocationChange ' +
  'offLocationChangeError offMemoryWarning offNetworkStatusChange offNetworkWeakChange ' +
  'offPageNotFound offScreenRecordingStateChanged offThemeChange offUnhandledRejection ' +
  'offUserCaptureScreen offVoIPChatInterrupted offVoIPChatMembersChanged offVoIPChatSpeakersChanged ' +
  'offVoIPChatStateChanged offVoIPVideoMembersChanged offWifiConnected offWifiConnectedWithPartialInfo ' +
  'offWindowResize onAccelerometerChange onAppHide onAppShow onAudioInterruptionBegin ' +
  'onAudioInterruptionEnd onBLECharacteristicValueChange onBLEConnectionStateChange onBLEMTUChange ' +
  'onBLEPeripheralConnectionStateChanged onBackgroundAudioPause onBackgroundAudioPlay ' +
  'onBackgroundAudioStop onBackgroundFetchData onBeaconServiceChange onBeaconUpdate ' +
  'onBluetoothAdapterStateChange onBluetoothDeviceFound onCompassChange onCopyUrl onDeviceMotionChange ' +
  'onError onGetWifiList onGyroscopeChange onHCEMessage onKeyboardHeightChange onLazyLoadError ' +
  'onLocalServiceDiscoveryStop onLocalServiceFound onLocalServiceLost onLocalServiceResolveFail ' +
  'onLocationChange onLocationChangeError onMemoryWarning onNeedPrivacyAuthorization ' +
  'onNetworkStatusChange onNetworkWeakChange onPageNotFound onScreenRecordingStateChanged ' +
  'onSocketClose onSocketError onSocketMessage onSocketOpen onThemeChange onUnhandledRejection ' +
  'onUserCaptureScreen onVoIPChatInterrupted onVoIPChatMembersChanged onVoIPChatSpeakersChanged ' +
  'onVoIPChatStateChanged onVoIPVideoMembersChanged onWifiConnected onWifiConnectedWithPartialInfo ' +
  'onWindowResize openAppAuthorizeSetting openBluetoothAdapter openCard openChannelsActivity ' +
  'openChannelsEvent openChannelsLive openChannelsUserProfile openCustomerServiceChat ' +
  'openEmbeddedMiniProgram openLocation openOfficialAccountArticle openOfficialAccountChat ' +
  'openOfficialAccountProfile openPrivacyContract openSetting openSystemBluetoothSetting ' +
  'openVideoEditor pageScrollTo pauseBackgroundAudio pauseVoice playBackgroundAudio playVoice ' +
  'pluginLogin previewImage previewMedia readBLECharacteristicValue redirectTo reLaunch ' +
  'removeSavedFile removeStorage removeStorageSync removeTabBarBadge reportAnalytics reportEvent ' +
  'reportMonitor reportPerformance requestDeviceVoIP requestOrderPayment requestPayment ' +
  'requestPluginPayment requestSubscribeDeviceMessage requestSubscribeMessage requirePrivacyAuthorize ' +
  'reserveChannelsLive revokeBufferURL saveFile saveFileToDisk saveImageToPhotosAlbum ' +
  'saveVideoToPhotosAlbum scanCode seekBackgroundAudio sendHCEMessage sendSocketMessage ' +
  'setBLEMTU setBackgroundColor setBackgroundFetchToken setBackgroundTextStyle setClipboardData ' +
  'setEnable1v1Chat setEnableDebug setInnerAudioOption setKeepScreenOn setNavigationBarColor ' +
  'setNavigationBarTitle setScreenBrightness setStorage setStorageSync setTabBarBadge setTabBarItem ' +
  'setTabBarStyle setTopBarText setVisualEffectOnCapture setWifiList setWindowSize shareFileMessage ' +
  'shareToOfficialAccount shareToWeRun shareVideoMessage showActionSheet showLoading showModal ' +
  'showNavigationBarLoading showRedPackage showShareImageMenu showShareMenu showTabBar ' +
  'showTabBarRedDot showToast startAccelerometer startBeaconDiscovery startBluetoothDevicesDiscovery ' +
  'startCompass startDeviceMotionListening startFacialRecognitionVerify ' +
  'startFacialRecognitionVerifyAndUploadVideo startGyroscope startHCE startLocalServiceDiscovery ' +
  'startLocationUpdate startLocationUpdateBackground startPullDownRefresh startRecord ' +
  'startSoterAuthentication startWifi stopAccelerometer stopBackgroundAudio stopBeaconDiscovery ' +
  'stopBluetoothDevicesDiscovery stopCompass stopDeviceMotionListening stopFaceDetect stopGyroscope ' +
  'stopHCE stopLocalServiceDiscovery stopLocationUpdate stopPullDownRefresh stopRecord stopVoice ' +
  'subscribeVoIPVideoMembers switchTab updateShareMenu updateVoIPChatMuteConfig updateWeChatApp ' +
  'uploadFile vibrateLong vibrateShort writeBLECharacteristicValue'
).split(' ')

/** APIs that just succeed with `{ errMsg: '<name>:ok' }` (UI chrome, feedback, reporting). */
const OK_APIS = [
  'setNavigationBarTitle',
  'setNavigationBarColor',
  'showNavigationBarLoading',
  'hideNavigationBarLoading',
  'setBackgroundColor',
  'setBackgroundTextStyle',
  'stopPullDownRefresh',
  'startPullDownRefresh',
  'pageScrollTo',
  'showShareMenu',
  'hideShareMenu',
  'updateShareMenu',
  'hideHomeButton',
  'showTabBar',
  'hideTabBar',
  'setTabBarBadge',
  'removeTabBarBadge',
  'showTabBarRedDot',
  'hideTabBarRedDot',
  'setTabBarItem',
  'setTabBarStyle',
  'vibrateShort',
  'vibrateLong',
  'setClipboardData',
  'setKeepScreenOn',
  'hideKeyboard',
  'hideToast',
  'hideLoading',
  'showToast',
  'showLoading',
  'reportAnalytics',
  'reportEvent',
  'reportMonitor',
  'reportPerformance',
  'loadFontFace',
  'setEnableDebug',
  'enableAlertBeforeUnload',
  'disableAlertBeforeUnload',
  'setInnerAudioOption',
  'requirePrivacyAuthorize',
  'checkSession',
  'setWindowSize',
  'setScreenBrightness',
  'setVisualEffectOnCapture'
]

/** Keys of `wx` that must not turn into recording stubs when read. */
const NOT_AN_API = new Set(['webpackJsonp', 'then', 'toJSON', 'constructor', 'prototype', 'inspect', 'nodeType', 'asymmetricMatch'])

/** Module-wide cache of compiled scripts: a vm.Script can run in any context. */
const scriptCache = new Map<string, vm.Script>()

function compile(file: string): vm.Script {
  const st = fs.statSync(file)
  const key = `${file}:${st.mtimeMs}:${st.size}`
  let script = scriptCache.get(key)
  if (!script) {
    const code = fs.readFileSync(file, 'utf8')
    // WeChat wraps each file in define(path, function (require, module, exports, ...) { ... })
    script = new vm.Script(`(function (require, module, exports) {\n${code}\n})`, { filename: file, lineOffset: -1 })
    scriptCache.set(key, script)
  }
  return script
}

function short(v: unknown): string {
  if (v === undefined) return ''
  const s = util.inspect(v, { depth: 1, breakLength: Infinity, maxArrayLength: 5, maxStringLength: 80 })
  return s.length > 160 ? s.slice(0, 157) + '...' : s
}

function hasCallbacks(o: unknown): o is { success?: Function; fail?: Function; complete?: Function } {
  return !!o && typeof o === 'object' && ['success', 'fail', 'complete'].some((k) => typeof (o as any)[k] === 'function')
}

/** JSON-style clone (what crossing WeChat's logic/render boundary does); returns the byte size too. */
function cloneForData(value: unknown): { value: unknown; bytes: number } {
  const json = JSON.stringify(value)
  if (json === undefined) return { value: undefined, bytes: 0 }
  return { value: JSON.parse(json), bytes: Buffer.byteLength(json) }
}

export class WeappHost {
  readonly buildDir: string
  readonly appJson: AppJson
  readonly context: vm.Context
  /** the `wx` object the build sees (a Proxy: unknown names become recording stubs) */
  readonly wx: Record<string, any>
  /** every wx call, in order */
  readonly calls: WxCall[] = []
  /** wx calls the stand-in does not emulate (they return undefined / fail asynchronously) */
  readonly notEmulated: WxCall[] = []
  /** navigateTo/redirectTo/reLaunch/switchTab/navigateBack calls */
  readonly navigations: { api: string; url?: string; delta?: number; phase: string }[] = []
  /** uncaught errors: module evaluation, lifecycles, timer and API callbacks */
  readonly errors: HostError[] = []
  /** problems that are not exceptions (oversized setData, timers that never settle...) */
  readonly warnings: string[] = []
  readonly consoleLines: ConsoleLine[] = []
  readonly storage = new Map<string, unknown>()
  /** listeners registered through wx.onXxx, by API name */
  readonly listeners = new Map<string, Function[]>()
  /** the object passed to App(), once app.js ran */
  app: any = undefined
  /** Page()/Component() calls made while a page file was evaluated, by route */
  readonly pages = new Map<string, Registration>()
  /** Component() calls made while a custom component file was evaluated, by path */
  readonly components = new Map<string, Registration>()
  /** the page instances, as getCurrentPages() returns them */
  readonly pageStack: any[] = []

  /**
   * What the host is doing; errors and wx calls are labelled with it. Code that runs from a
   * promise reaction (outside any host call) is labelled with the enclosing stage
   * (`app launch`, `<route> open`).
   */
  phase = 'setup'

  private readonly opts: WeappHostOptions
  private readonly modules = new Map<string, { exports: any }>()
  private registering: { kind: 'app' | 'page' | 'component'; path: string } | null = null
  /** origin of the timer callback running now, so nested async work keeps the original label */
  private origin: string | null = null
  private timers = new Map<number, VirtualTimer>()
  private timerSeq = 0
  private now = 0
  private pendingHost = new Set<Promise<unknown>>()
  private webviewId = 0
  private entryRoute: string | undefined
  private readonly ctxUint8Array: Uint8ArrayConstructor
  private readonly ctxPromise: PromiseConstructor
  /**
   * The real Node process. Under jest, the global `process` is a copy whose events are not
   * the process's; a function from a core module (outer realm) reaches the real one.
   */
  private readonly nodeProcess: NodeJS.Process = (util.inspect as any).constructor('return process')()
  private watchDepth = 0
  private savedRejectionListeners: ((...args: any[]) => void)[] = []

  constructor(opts: WeappHostOptions) {
    this.opts = opts
    this.buildDir = path.resolve(opts.buildDir)
    this.appJson = readAppJson(this.buildDir)
    for (const [k, v] of Object.entries(opts.storage || {})) this.storage.set(k, v)
    this.wx = this.createWx()
    const sandbox: Record<string, unknown> = {
      wx: this.wx,
      App: (options: any) => this.registerApp(options),
      Page: (options: any) => this.registerPage('Page', options),
      Component: (options: any) => this.registerPage('Component', options),
      Behavior: (options: any) => options,
      getApp: () => this.app,
      getCurrentPages: () => this.pageStack.slice(),
      requirePlugin: (name: string) => {
        this.recordNotEmulated(`requirePlugin(${JSON.stringify(name)})`, undefined)
        return this.recordingObject(`plugin ${name}`)
      },
      setTimeout: (fn: any, ms?: number, ...args: unknown[]) => this.addTimer(fn, ms, args, null),
      setInterval: (fn: any, ms?: number, ...args: unknown[]) => this.addTimer(fn, ms, args, Math.max(1, Number(ms) || 0)),
      clearTimeout: (id: number) => {
        this.timers.delete(id)
      },
      clearInterval: (id: number) => {
        this.timers.delete(id)
      },
      console: this.createConsole(),
      __wxConfig: {
        envVersion: 'develop',
        platform: 'devtools',
        pages: listPages(this.appJson).map((p) => p.route),
        global: { window: this.appJson.window || {} },
        accountInfo: { appId: 'wx0000000000000000' }
      },
      ...(opts.globals || {})
    }
    this.context = vm.createContext(sandbox, {
      name: 'weapp stand-in',
      codeGeneration: opts.forbidCodeGeneration === false ? undefined : { strings: false, wasm: false }
    })
    // WeChat has WXWebAssembly, not WebAssembly; Math.random is seeded for determinism.
    vm.runInContext('delete globalThis.WebAssembly', this.context)
    vm.runInContext('Math', this.context).random = mulberry32(opts.randomSeed ?? 1)
    this.ctxUint8Array = vm.runInContext('Uint8Array', this.context)
    this.ctxPromise = vm.runInContext('Promise', this.context)
  }

  // ----- unhandled promise rejections --------------------------------------------------------

  /**
   * While the host runs build code, unhandled rejections of promises created in the context
   * are recorded (an Error reason, e.g. a ReferenceError in an async function, is an error; a
   * plain object such as a wx API `{ errMsg }` failure is a warning). Others go to the
   * listeners that were installed before (jest's).
   */
  private readonly onRejection = (reason: unknown, promise: Promise<unknown>) => {
    if (promise instanceof this.ctxPromise) {
      if (isErrorLike(reason)) this.recordError(`an unhandled promise rejection (during ${this.phase})`, reason)
      else this.warnings.push(`unhandled promise rejection during ${this.phase}: ${short(reason)}`)
      return
    }
    for (const l of this.savedRejectionListeners) l(reason, promise)
  }

  private async watchRejections<T>(fn: () => Promise<T>): Promise<T> {
    const proc = this.nodeProcess
    if (this.watchDepth++ === 0) {
      this.savedRejectionListeners = proc.listeners('unhandledRejection') as any
      proc.removeAllListeners('unhandledRejection')
      proc.on('unhandledRejection', this.onRejection)
    }
    try {
      const result = await fn()
      await this.microtasks() // let Node report rejections from the last turn
      return result
    } finally {
      if (--this.watchDepth === 0) {
        proc.off('unhandledRejection', this.onRejection)
        for (const l of this.savedRejectionListeners) proc.on('unhandledRejection', l)
        this.savedRejectionListeners = []
      }
    }
  }

  // ----- loading ---------------------------------------------------------------------------

  /** Requires a build file (path relative to the build dir, with or without .js) as WeChat would. */
  requireFile(rel: string): any {
    return this.requireFrom(this.buildDir, '/' + rel.replace(/^\/+/, ''))
  }

  private resolve(fromDir: string, request: string): string {
    const base = request.startsWith('/') ? path.join(this.buildDir, request) : path.resolve(fromDir, request)
    const candidates = [base, `${base}.js`, path.join(base, 'index.js')]
    for (const c of candidates) {
      if (c.endsWith('.js') && fs.existsSync(c) && fs.statSync(c).isFile()) {
        if (path.relative(this.buildDir, c).startsWith('..')) break
        return c
      }
    }
    throw new Error(
      `module "${path.relative(this.buildDir, base).split(path.sep).join('/')}" is not defined (required as "${request}" from ${path.relative(this.buildDir, fromDir) || '.'})`
    )
  }

  private requireFrom(fromDir: string, request: string): any {
    const file = this.resolve(fromDir, request)
    const cached = this.modules.get(file)
    if (cached) return cached.exports
    const module = { exports: {} as any }
    this.modules.set(file, module)
    const fn = compile(file).runInContext(this.context)
    const req = (r: string) => this.requireFrom(path.dirname(file), r)
    try {
      fn.call(module.exports, req, module, module.exports)
    } catch (e) {
      this.modules.delete(file)
      throw e
    }
    return module.exports
  }

  /** Loads app.js, then runs App.onLaunch and App.onShow with launch options for `entryRoute`. */
  loadApp(entryRoute?: string): Promise<void> {
    return this.watchRejections(() => this.doLoadApp(entryRoute))
  }

  private async doLoadApp(entryRoute?: string): Promise<void> {
    if (entryRoute) this.entryRoute = entryRoute
    const launch = this.launchOptions()
    this.phase = 'app launch'
    this.registering = { kind: 'app', path: 'app' }
    this.guard('app.js', () => this.requireFile('app.js'))
    this.registering = null
    if (!this.app) {
      if (!this.errors.length) this.recordError('app.js', new Error('app.js ran but never called App()'))
      return
    }
    for (const [, p] of Object.entries(this.appJson.usingComponents || {})) this.loadComponent(this.buildDir, p, 'app.json')
    this.guard('App.onLaunch', () => typeof this.app.onLaunch === 'function' && this.app.onLaunch.call(this.app, launch))
    this.guard('App.onShow', () => {
      if (typeof this.app.onShow === 'function') this.app.onShow.call(this.app, launch)
      this.emit('onAppShow', launch)
    })
    await this.settle()
  }

  /** What App.onLaunch/onShow and wx.getLaunchOptionsSync see: a launch into the entry page (scene 1001). */
  launchOptions() {
    const path = this.entryRoute || listPages(this.appJson)[0]?.route || ''
    return { path, query: {}, scene: 1001, referrerInfo: {}, apiCategory: 'default' }
  }

  /** Evaluates the custom components a page (or app.json) uses, then the page's js. */
  loadPage(route: string): Registration | undefined {
    if (this.pages.has(route)) return this.pages.get(route)
    const jsonFile = path.join(this.buildDir, `${route}.json`)
    if (fs.existsSync(jsonFile)) {
      const json = this.guard(`${route}.json`, () => readJson(jsonFile)) || {}
      for (const p of Object.values<string>(json.usingComponents || {})) this.loadComponent(path.dirname(jsonFile), p, route)
    }
    this.registering = { kind: 'page', path: route }
    this.guard(`${route}.js`, () => this.requireFile(`${route}.js`))
    this.registering = null
    return this.pages.get(route)
  }

  private loadComponent(fromDir: string, ref: string, user: string, seen = new Set<string>()): void {
    if (/^plugin(-private)?:\/\//.test(ref)) return
    const abs = ref.startsWith('/') ? path.join(this.buildDir, ref) : path.resolve(fromDir, ref)
    const rel = path.relative(this.buildDir, abs).split(path.sep).join('/')
    if (seen.has(rel) || this.components.has(rel)) return
    seen.add(rel)
    const jsonFile = `${abs}.json`
    if (fs.existsSync(jsonFile)) {
      const json = this.guard(`${rel}.json`, () => readJson(jsonFile)) || {}
      for (const p of Object.values<string>(json.usingComponents || {})) this.loadComponent(path.dirname(abs), p, rel, seen)
    }
    const prev = this.registering
    this.registering = { kind: 'component', path: rel }
    this.guard(`component ${rel}.js (used by ${user})`, () => this.requireFile(`${rel}.js`))
    this.registering = prev
  }

  private registerApp(options: any) {
    if (this.app) this.recordError(this.phase, new Error('App() called twice'))
    this.app = options
    // WeChat reports script errors to App.onError; Taro also reports there the errors its page
    // wrapper catches (getDerivedStateFromError), after which the page renders nothing.
    const host = this
    const original = options && options.onError
    if (options && typeof options === 'object') {
      try {
        options.onError = function (this: unknown, error: unknown, ...rest: unknown[]) {
          host.recordError(`App.onError (reported during ${host.phase})`, error)
          return typeof original === 'function' ? original.call(this, error, ...rest) : undefined
        }
      } catch (e) {
        this.warnings.push(`could not hook App.onError: ${String(e)}`)
      }
    }
  }

  private registerPage(kind: 'Page' | 'Component', options: any) {
    const target = this.registering
    if (!target || target.kind === 'app') {
      this.recordError(this.phase, new Error(`${kind}() called outside a page or component file`))
      return
    }
    const reg: Registration = { kind, path: target.path, options }
    if (target.kind === 'page') {
      if (this.pages.has(target.path)) this.recordError(this.phase, new Error(`${kind}() called twice for ${target.path}`))
      this.pages.set(target.path, reg)
    } else {
      this.components.set(target.path, reg)
    }
  }

  // ----- pages -----------------------------------------------------------------------------

  /**
   * Opens a page as WeChat does on launch: instance, onLoad(query), onShow(), first render
   * (the first setData and its callback), onReady(), then lets timers run for settleMs.
   */
  openPage(route: string, query: Record<string, string> = {}): Promise<PageRun> {
    return this.watchRejections(() => this.doOpenPage(route, query))
  }

  private async doOpenPage(route: string, query: Record<string, string>): Promise<PageRun> {
    this.phase = `${route} open`
    const reg = this.loadPage(route)
    const run: PageRun = { route, registered: !!reg, instance: undefined, data: undefined, texts: [], setDataCount: 0, rendered: false }
    if (!reg) return run
    const inst = this.createPageInstance(route, reg, query, run)
    run.instance = inst
    this.pageStack.push(inst)
    const lc = (name: string, ...args: unknown[]) => {
      this.guard(`${route} ${name}`, () => {
        const fn = reg.kind === 'Component' ? inst[name] || reg.options.pageLifetimes?.[name.replace(/^on/, '').toLowerCase()] : inst[name]
        if (typeof fn === 'function') fn.apply(inst, args)
      })
    }
    if (reg.kind === 'Component') {
      const lifetimes = reg.options.lifetimes || {}
      for (const name of ['created', 'attached']) {
        this.guard(`${route} ${name}`, () => {
          const fn = lifetimes[name] || reg.options[name]
          if (typeof fn === 'function') fn.call(inst)
        })
      }
    }
    lc('onLoad', { ...query })
    lc('onShow')
    await this.settle({ until: () => run.rendered })
    lc('onReady')
    if (reg.kind === 'Component') {
      this.guard(`${route} ready`, () => {
        const fn = (reg.options.lifetimes || {}).ready || reg.options.ready
        if (typeof fn === 'function') fn.call(inst)
      })
    }
    await this.settle()
    run.data = inst.data
    run.texts = collectTexts(inst.data)
    return run
  }

  private createPageInstance(route: string, reg: Registration, query: Record<string, string>, run: PageRun): any {
    const o = reg.options || {}
    const inst: any = {}
    if (reg.kind === 'Page') {
      for (const key of Object.keys(o)) if (key !== 'data') inst[key] = o[key]
    } else {
      Object.assign(inst, o.methods || {})
    }
    const props: Record<string, unknown> = {}
    if (reg.kind === 'Component') {
      for (const [k, def] of Object.entries<any>(o.properties || {})) {
        props[k] = def && typeof def === 'object' && 'value' in def ? def.value : null
      }
    }
    inst.data = { ...props, ...(cloneForData(o.data || {}).value as object) }
    const webviewId = ++this.webviewId
    Object.assign(inst, {
      route,
      __route__: route,
      is: route,
      options: { ...query },
      __wxWebviewId__: webviewId,
      __wxExparserNodeId__: `stand-in-${webviewId}`,
      setData: (patch: Record<string, unknown>, cb?: () => void) => this.applySetData(inst, route, patch, cb, run),
      selectComponent: () => null,
      selectAllComponents: () => [],
      selectOwnerComponent: () => null,
      createSelectorQuery: () => this.wx.createSelectorQuery(),
      createIntersectionObserver: () => this.wx.createIntersectionObserver(),
      getOpenerEventChannel: () => this.recordingObject('eventChannel'),
      getTabBar: () => undefined,
      getPageId: () => `pageId:${webviewId}`,
      triggerEvent: () => undefined
    })
    return inst
  }

  private applySetData(inst: any, route: string, patch: Record<string, unknown>, cb: (() => void) | undefined, run: PageRun) {
    if (!patch || typeof patch !== 'object') {
      this.recordError(this.phase, new TypeError(`${route} setData called with ${short(patch)}`))
      return
    }
    run.setDataCount++
    let bytes = 0
    for (const key of Object.keys(patch)) {
      const { value, bytes: b } = cloneForData(patch[key])
      bytes += b + Buffer.byteLength(key)
      if (value === undefined) {
        this.warnings.push(`${route}: setData key "${key}" is undefined (WeChat ignores it with a warning)`)
        continue
      }
      setDataPath(inst.data, key, value)
    }
    if (bytes > SET_DATA_LIMIT_BYTES) {
      this.recordError(this.phase, new Error(`${route}: one setData carried ${bytes} bytes, over WeChat's 1 MB limit`))
    }
    this.addTimer(
      () => {
        run.rendered = true
        if (typeof cb === 'function') cb.call(inst)
      },
      0,
      [],
      null,
      'setData callback'
    )
  }

  // ----- timers ----------------------------------------------------------------------------

  private addTimer(fn: any, ms: number | undefined, args: unknown[], interval: number | null, label?: string): number {
    const id = ++this.timerSeq
    if (typeof fn !== 'function') {
      this.recordError(this.phase, new TypeError('setTimeout/setInterval with a string is not supported in WeChat'))
      return id
    }
    const delay = Math.max(0, Number(ms) || 0)
    const origin = this.origin ?? this.phase
    const phase = label ? `${label} (from ${origin})` : `a timer set during ${origin}`
    this.timers.set(id, { id, due: this.now + delay, seq: id, fn, args, interval, phase, origin })
    return id
  }

  /**
   * Runs virtual timers in due order (with real microtask turns in between) until none is due
   * within `ms` virtual milliseconds, or `until()` becomes true.
   */
  settle(o: { ms?: number; until?: () => boolean; maxCallbacks?: number } = {}): Promise<void> {
    return this.watchRejections(() => this.doSettle(o))
  }

  private async doSettle(o: { ms?: number; until?: () => boolean; maxCallbacks?: number }): Promise<void> {
    const deadline = this.now + (o.ms ?? this.opts.settleMs ?? 1000)
    const max = o.maxCallbacks ?? 10000
    let n = 0
    for (;;) {
      await this.microtasks()
      if (o.until && o.until()) return
      let next: VirtualTimer | undefined
      for (const t of this.timers.values()) {
        if (t.due <= deadline && (!next || t.due < next.due || (t.due === next.due && t.seq < next.seq))) next = t
      }
      if (!next) {
        if (this.pendingHost.size) {
          await Promise.race(this.pendingHost)
          continue
        }
        return
      }
      if (++n > max) {
        this.warnings.push(`timers did not settle after ${max} callbacks (a timer loop?)`)
        return
      }
      this.now = Math.max(this.now, next.due)
      if (next.interval != null) {
        next.due = this.now + next.interval
        next.seq = ++this.timerSeq
      } else {
        this.timers.delete(next.id)
      }
      const t = next
      this.origin = t.origin
      try {
        this.guard(t.phase, () => t.fn(...t.args))
      } finally {
        this.origin = null
      }
    }
  }

  private microtasks(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve))
  }

  // ----- errors / logging ------------------------------------------------------------------

  private guard<T>(phase: string, fn: () => T): T | undefined {
    const prev = this.phase
    this.phase = phase
    try {
      return fn()
    } catch (e) {
      this.recordError(phase, e)
      return undefined
    } finally {
      this.phase = prev
    }
  }

  recordError(phase: string, error: unknown) {
    const { summary, frames } = describeError(error, this.buildDir)
    const same = this.errors.find((e) => e.phase === phase && e.summary === summary && e.frames[0] === frames[0])
    if (same) {
      same.count++
      return
    }
    this.errors.push({ phase, error, summary, frames, count: 1 })
    this.log(`error during ${phase}: ${summary}`)
  }

  private log(line: string) {
    if (this.opts.log) this.opts.log(`[weapp stand-in] ${line}`)
  }

  private createConsole() {
    const make =
      (level: string) =>
      (...args: unknown[]) => {
        const text = args.map((a) => (typeof a === 'string' ? a : util.inspect(a, { depth: 2, breakLength: 120 }))).join(' ')
        this.consoleLines.push({ level, phase: this.phase, text })
        this.log(`console.${level} (${this.phase}): ${text}`)
      }
    const c: Record<string, unknown> = {}
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'table', 'dir']) c[level] = make(level)
    for (const noop of ['group', 'groupCollapsed', 'groupEnd', 'time', 'timeEnd', 'timeLog', 'count', 'countReset']) c[noop] = () => undefined
    c.assert = (cond: unknown, ...args: unknown[]) => {
      if (!cond) make('assert')(...args)
    }
    return c
  }

  /** A one-line summary of not-emulated wx calls, e.g. `wx.getFuzzyLocation x2, wx.scanCode`. */
  notEmulatedSummary(): string {
    const counts = new Map<string, number>()
    for (const c of this.notEmulated) counts.set(c.api, (counts.get(c.api) || 0) + 1)
    return [...counts].map(([api, n]) => (n > 1 ? `${api} x${n}` : api)).join(', ')
  }

  // ----- wx --------------------------------------------------------------------------------

  private recordNotEmulated(api: string, arg: unknown) {
    const call = { api, phase: this.phase, arg: short(arg) }
    this.notEmulated.push(call)
    this.log(`${api} is not emulated (called during ${this.phase}${call.arg ? `, with ${call.arg}` : ''})`)
  }

  /** Calls success/fail + complete on a later (virtual) tick, like WeChat's async APIs. */
  private later(api: string, opts: any, ok: boolean, res: Record<string, unknown>) {
    if (!hasCallbacks(opts)) return
    const result = { errMsg: `${api}:${ok ? 'ok' : 'fail'}`, ...res }
    if (!ok && typeof res.errMsg === 'string') result.errMsg = res.errMsg
    this.addTimer(
      () => {
        if (ok) opts.success?.(result)
        else opts.fail?.(result)
        opts.complete?.(result)
      },
      0,
      [],
      null,
      `wx.${api} callback`
    )
  }

  emit(api: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(api) || []) this.guard(`${api} listener`, () => fn(...args))
  }

  /** An object whose every method is recorded as not emulated and returns the object (chainable). */
  recordingObject(label: string): any {
    const self = this
    const target: Record<string, unknown> = {}
    const proxy: any = new Proxy(target, {
      get(t, key) {
        if (typeof key === 'symbol' || NOT_AN_API.has(key)) return t[key as any]
        if (key in t) return t[key]
        return (...args: unknown[]) => {
          if (/^(on|off)[A-Z]/.test(key)) return undefined
          self.recordNotEmulated(`${label}.${key}`, args[0])
          if (hasCallbacks(args[0])) self.later(`${label}.${key}`, args[0], false, { errMsg: `${key}:fail not emulated by the weapp stand-in` })
          if (key === 'export') return { actions: [] }
          return proxy
        }
      }
    })
    return proxy
  }

  private systemInfo() {
    const win = {
      pixelRatio: 3,
      screenWidth: 390,
      screenHeight: 844,
      windowWidth: 390,
      windowHeight: 753,
      statusBarHeight: 47,
      screenTop: 91,
      safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 }
    }
    const device = {
      brand: 'devtools',
      model: 'iPhone 12/13 (Pro)',
      system: 'iOS 16.0',
      platform: 'devtools',
      benchmarkLevel: 1,
      abi: 'arm64',
      cpuType: 'unknown',
      memorySize: 4096,
      deviceAbi: 'arm64'
    }
    const base = {
      SDKVersion: '3.5.0',
      version: '8.0.50',
      language: 'zh_CN',
      theme: 'light',
      fontSizeSetting: 16,
      enableDebug: false,
      host: { env: 'WeChat', appId: '' }
    }
    const extra = this.opts.systemInfo || {}
    return {
      win: { ...win, ...extra },
      device: { ...device, ...extra },
      base: { ...base, ...extra },
      all: {
        ...win,
        ...device,
        ...base,
        deviceOrientation: 'portrait',
        albumAuthorized: true,
        cameraAuthorized: true,
        locationAuthorized: true,
        microphoneAuthorized: true,
        notificationAuthorized: true,
        bluetoothEnabled: true,
        locationEnabled: true,
        wifiEnabled: true,
        ...extra
      }
    }
  }

  private createWx(): Record<string, any> {
    const self = this
    const sys = () => this.systemInfo()
    const impl: Record<string, (...args: any[]) => any> = {}

    // system / app info
    impl.getSystemInfoSync = () => sys().all
    impl.getSystemInfo = (o: any) => {
      this.later('getSystemInfo', o, true, sys().all)
    }
    impl.getSystemInfoAsync = (o: any) => {
      this.later('getSystemInfoAsync', o, true, sys().all)
    }
    impl.getWindowInfo = () => sys().win
    impl.getDeviceInfo = () => sys().device
    impl.getAppBaseInfo = () => sys().base
    impl.getSystemSetting = () => ({ bluetoothEnabled: true, locationEnabled: true, wifiEnabled: true, deviceOrientation: 'portrait' })
    impl.getAppAuthorizeSetting = () => ({
      albumAuthorized: 'authorized',
      cameraAuthorized: 'authorized',
      locationAuthorized: 'authorized',
      microphoneAuthorized: 'authorized',
      notificationAuthorized: 'authorized'
    })
    impl.getMenuButtonBoundingClientRect = () => ({ width: 87, height: 32, top: 51, right: 380, bottom: 83, left: 293 })
    impl.getAccountInfoSync = () => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop', version: '' }, plugin: {} })
    impl.getLaunchOptionsSync = () => this.launchOptions()
    impl.getEnterOptionsSync = () => this.launchOptions()
    impl.canIUse = () => true
    impl.getNetworkType = (o: any) => {
      this.later('getNetworkType', o, true, { networkType: 'wifi', signalStrength: 100, hasSystemProxy: false })
    }
    impl.getSetting = (o: any) => {
      this.later('getSetting', o, true, { authSetting: {}, subscriptionsSetting: { mainSwitch: true } })
    }
    impl.getPrivacySetting = (o: any) => {
      this.later('getPrivacySetting', o, true, { needAuthorization: false, privacyContractName: 'stand-in' })
    }
    impl.login = (o: any) => {
      this.later('login', o, true, { code: 'stand-in-login-code' })
    }
    impl.getUpdateManager = () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} })
    impl.nextTick = (fn: () => void) => {
      this.addTimer(fn, 0, [], null, 'wx.nextTick callback')
    }
    for (const api of OK_APIS)
      impl[api] = (o: any) => {
        this.later(api, o, true, {})
      }

    // storage (a Map; values are JSON-cloned like WeChat serialises them)
    const store = this.storage
    const clone = (v: unknown) => (v === undefined ? undefined : cloneForData(v).value)
    impl.getStorageSync = (key: string) => (store.has(key) ? clone(store.get(key)) : '')
    impl.setStorageSync = (key: string, data: unknown) => {
      store.set(key, clone(data))
    }
    impl.removeStorageSync = (key: string) => {
      store.delete(key)
    }
    impl.clearStorageSync = () => {
      store.clear()
    }
    impl.getStorageInfoSync = () => ({ keys: [...store.keys()], currentSize: 1, limitSize: 10240 })
    impl.batchGetStorageSync = (keys: string[]) => keys.map((k) => impl.getStorageSync(k))
    impl.batchSetStorageSync = (kvs: { key: string; value: unknown }[]) => {
      for (const kv of kvs) impl.setStorageSync(kv.key, kv.value)
    }
    impl.getStorage = (o: any) => {
      if (store.has(o?.key)) this.later('getStorage', o, true, { data: clone(store.get(o.key)) })
      else this.later('getStorage', o, false, { errMsg: 'getStorage:fail data not found' })
    }
    impl.setStorage = (o: any) => {
      store.set(o?.key, clone(o?.data))
      this.later('setStorage', o, true, {})
    }
    impl.removeStorage = (o: any) => {
      store.delete(o?.key)
      this.later('removeStorage', o, true, {})
    }
    impl.clearStorage = (o: any) => {
      store.clear()
      this.later('clearStorage', o, true, {})
    }
    impl.getStorageInfo = (o: any) => {
      this.later('getStorageInfo', o, true, impl.getStorageInfoSync())
    }
    impl.batchGetStorage = (o: any) => {
      this.later('batchGetStorage', o, true, { dataList: (o?.keyList || []).map((k: string) => impl.getStorageSync(k)) })
    }
    impl.batchSetStorage = (o: any) => {
      impl.batchSetStorageSync(o?.kvList || [])
      this.later('batchSetStorage', o, true, {})
    }

    // network
    const task = (label: string) => ({
      abort() {},
      onHeadersReceived() {},
      offHeadersReceived() {},
      onChunkReceived() {},
      offChunkReceived() {},
      onProgressUpdate() {},
      offProgressUpdate() {},
      toString: () => `[${label} stand-in]`
    })
    impl.request = (o: any) => {
      const handler = this.opts.request
      if (!handler) {
        this.later('request', o, false, { errMsg: `request:fail the weapp stand-in has no network (${o?.method || 'GET'} ${o?.url})` })
        return task('RequestTask')
      }
      const p = Promise.resolve()
        .then(() => handler({ ...o }))
        .then(
          (res) =>
            this.addTimer(
              () => {
                const r = { errMsg: 'request:ok', header: {}, cookies: [], ...res }
                o?.success?.(r)
                o?.complete?.(r)
              },
              0,
              [],
              null,
              'wx.request callback'
            ),
          (err) =>
            this.addTimer(
              () => {
                const r = { errMsg: `request:fail ${err && err.message ? err.message : String(err)}` }
                o?.fail?.(r)
                o?.complete?.(r)
              },
              0,
              [],
              null,
              'wx.request callback'
            )
        )
        .finally(() => this.pendingHost.delete(p))
      this.pendingHost.add(p)
      return task('RequestTask')
    }
    for (const api of ['uploadFile', 'downloadFile']) {
      impl[api] = (o: any) => {
        this.later(api, o, false, { errMsg: `${api}:fail the weapp stand-in has no network (${o?.url})` })
        return task(api)
      }
    }

    // UI
    impl.showModal = (o: any) => {
      this.later('showModal', o, true, { confirm: false, cancel: true, content: '', ...(this.opts.modalResult || {}) })
    }
    impl.showActionSheet = (o: any) => {
      this.later('showActionSheet', o, false, { errMsg: 'showActionSheet:fail cancel' })
    }

    // navigation (recorded, succeeds, never opens the target page)
    for (const api of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack']) {
      impl[api] = (o: any) => {
        this.navigations.push({ api, url: o?.url, delta: o?.delta, phase: this.phase })
        this.later(api, o, true, api === 'navigateTo' ? { eventChannel: this.recordingObject('eventChannel') } : {})
      }
    }

    // queries / animation
    impl.createSelectorQuery = () => this.selectorQuery()
    impl.createIntersectionObserver = () => {
      const obs: any = { relativeTo: () => obs, relativeToViewport: () => obs, observe: () => undefined, disconnect: () => undefined }
      return obs
    }
    impl.createAnimation = () => this.recordingChain()

    // binary helpers
    impl.arrayBufferToBase64 = (buf: ArrayBuffer) => Buffer.from(new Uint8Array(buf)).toString('base64')
    impl.base64ToArrayBuffer = (b64: string) => {
      const bytes = Buffer.from(String(b64), 'base64')
      const out = new this.ctxUint8Array(bytes.length)
      out.set(bytes)
      return out.buffer
    }
    impl.getRandomValues = (o: any) => {
      const rnd = mulberry32(o?.length || 0)
      const out = new this.ctxUint8Array(Math.max(0, Number(o?.length) || 0))
      for (let i = 0; i < out.length; i++) out[i] = Math.floor(rnd() * 256)
      this.later('getRandomValues', o, true, { randomValues: out.buffer })
    }

    // default behaviour for everything else
    const fallback =
      (api: string) =>
      (...args: any[]) => {
        if (/^on[A-Z]/.test(api)) {
          if (typeof args[0] === 'function') this.listeners.set(api, [...(this.listeners.get(api) || []), args[0]])
          return undefined
        }
        if (/^off[A-Z]/.test(api)) {
          const on = 'on' + api.slice(3)
          this.listeners.set(
            on,
            (this.listeners.get(on) || []).filter((f) => args[0] !== undefined && f !== args[0])
          )
          return undefined
        }
        this.recordNotEmulated(`wx.${api}`, args[0])
        if (/^create[A-Z]|Manager$|Context$/.test(api)) return this.recordingObject(`wx.${api}()`)
        if (/Sync$/.test(api)) return undefined
        if (hasCallbacks(args[0])) this.later(api, args[0], false, { errMsg: `${api}:fail not emulated by the weapp stand-in` })
        return undefined
      }
    const wrap = (api: string, fn: (...args: any[]) => any) =>
      function (...args: any[]) {
        self.calls.push({ api, phase: self.phase, arg: short(args[0]) })
        return fn(...args)
      }

    const target: Record<string, any> = {
      env: { USER_DATA_PATH: 'wxfile://usr' },
      cloud: this.recordingObject('wx.cloud')
    }
    for (const api of new Set([...WX_API_NAMES, ...Object.keys(impl)])) target[api] = wrap(api, impl[api] || fallback(api))
    return new Proxy(target, {
      get(t, key) {
        if (typeof key === 'symbol' || key in t || NOT_AN_API.has(key) || /^[_$]/.test(key)) return t[key as any]
        // an API this list does not know: recorded, returns undefined (cached so identity is stable)
        t[key] = wrap(key, fallback(key))
        return t[key]
      }
    })
  }

  private selectorQuery() {
    const reqs: { all: boolean; viewport: boolean; kind: string; cb?: (r: unknown) => void }[] = []
    const sys = this.systemInfo().win
    const viewportResult = (kind: string) =>
      kind === 'scrollOffset'
        ? { id: '', dataset: {}, scrollLeft: 0, scrollTop: 0, scrollWidth: sys.windowWidth, scrollHeight: sys.windowHeight }
        : { id: '', dataset: {}, left: 0, top: 0, right: sys.windowWidth, bottom: sys.windowHeight, width: sys.windowWidth, height: sys.windowHeight }
    const query: any = {
      in: () => query,
      select: () => nodesRef(false, false),
      selectAll: () => nodesRef(true, false),
      selectViewport: () => nodesRef(false, true),
      exec: (cb?: (res: unknown[]) => void) => {
        this.addTimer(
          () => {
            // no element exists in the stand-in: select -> null, selectAll -> []
            const results = reqs.map((r) => (r.viewport ? viewportResult(r.kind) : r.all ? [] : null))
            reqs.forEach((r, i) => r.cb?.(results[i]))
            cb?.(results)
          },
          0,
          [],
          null,
          'SelectorQuery.exec callback'
        )
        return query
      }
    }
    const nodesRef = (all: boolean, viewport: boolean) => {
      const add =
        (kind: string) =>
        (...args: any[]) => {
          reqs.push({ all, viewport, kind, cb: args.find((a) => typeof a === 'function') })
          return query
        }
      return { boundingClientRect: add('rect'), scrollOffset: add('scrollOffset'), fields: add('fields'), node: add('node'), context: add('context') }
    }
    return query
  }

  private recordingChain() {
    const chain: any = new Proxy(
      {},
      {
        get: (_t, key) => {
          if (typeof key === 'symbol' || NOT_AN_API.has(key)) return undefined
          if (key === 'export') return () => ({ actions: [] })
          return () => chain
        }
      }
    )
    return chain
  }
}

// ---------------------------------------------------------------------------------------------
// One-call convenience for tests
// ---------------------------------------------------------------------------------------------

export interface SmokeResult {
  host: WeappHost
  appRegistered: boolean
  run: PageRun
}

/** Fresh host: load app.js (launching into `route`), then open `route` and render it. */
export async function smokePage(buildDir: string, route: string, opts: Partial<WeappHostOptions> = {}): Promise<SmokeResult> {
  const host = new WeappHost({ ...opts, buildDir })
  await host.loadApp(route)
  const appRegistered = !!host.app
  const run = appRegistered
    ? await host.openPage(route)
    : { route, registered: false, instance: undefined, data: undefined, texts: [], setDataCount: 0, rendered: false }
  return { host, appRegistered, run }
}
