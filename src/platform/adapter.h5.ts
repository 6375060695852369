import { LINK_HOSTS } from './config'
import { chooseLocalFile } from './fileInput.h5'
import { privacyPrompt } from './privacy'
import type { PlatformAdapter, ScanOutcome } from './types'

/**
 * H5 (browser). WeChat's scanner is not available here (Taro.scanCode only works inside
 * WeChat's JS-SDK), so QR codes are decoded with jsQR: from a picked image, or from live
 * camera frames where the browser grants getUserMedia.
 */

const MAX_DECODE_SIDE = 1200

type Decoder = (data: Uint8ClampedArray, width: number, height: number) => string | null

/** jsQR (~46 KB gzip) is loaded only when a picture or the camera is to be decoded, not with the app. */
async function loadDecoder(): Promise<Decoder> {
  const { default: jsQR } = await import(/* webpackChunkName: "jsqr" */ 'jsqr')
  return (data, width, height) => {
    const hit = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })
    return hit && hit.data ? hit.data : null
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('image load failed'))
    img.src = src
  })
}

/** Decodes a QR code from an image URL (blob: or data:). */
export async function decodeQrImage(src: string): Promise<ScanOutcome> {
  let img: HTMLImageElement
  try {
    img = await loadImage(src)
  } catch {
    return { ok: false, cancelled: false, message: '无法读取该图片，请选择 JPG 或 PNG 格式的二维码图片' }
  }
  const scale = Math.min(1, MAX_DECODE_SIDE / Math.max(img.naturalWidth, img.naturalHeight))
  const w = Math.max(1, Math.round(img.naturalWidth * scale))
  const h = Math.max(1, Math.round(img.naturalHeight * scale))
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | null
  if (!ctx) return { ok: false, cancelled: false, message: '当前浏览器无法识别图片中的二维码' }
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, w, h)
  ctx.drawImage(img, 0, 0, w, h)
  const decode = await loadDecoder()
  const text = decode(ctx.getImageData(0, 0, w, h).data, w, h)
  if (!text) return { ok: false, cancelled: false, message: '图片中没有识别到二维码，请换一张清晰、完整的签署码图片' }
  return { ok: true, text }
}

async function pickQrImage(): Promise<ScanOutcome> {
  if (!(await privacyPrompt.ask())) {
    return { ok: false, cancelled: true, message: '需要同意隐私保护指引后才能使用相册' }
  }
  const file = await chooseLocalFile('image/*', 'qr-image-input')
  if (!file) return { ok: false, cancelled: true, message: '已取消选择图片' }
  const url = URL.createObjectURL(file)
  try {
    return await decodeQrImage(url)
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Live camera scanning in a full-screen overlay; resolves on the first QR code or on cancel. */
async function scanWithCamera(): Promise<ScanOutcome> {
  const media = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined
  if (!media || typeof media.getUserMedia !== 'function') {
    return { ok: false, cancelled: false, message: '当前浏览器无法使用摄像头，请粘贴签署链接或选择二维码图片' }
  }
  if (!(await privacyPrompt.ask())) {
    return { ok: false, cancelled: true, message: '需要同意隐私保护指引后才能使用摄像头' }
  }
  const decodePixels = await loadDecoder()
  let stream: MediaStream
  try {
    stream = await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
  } catch {
    return { ok: false, cancelled: false, message: '未获得摄像头权限，请在浏览器设置中允许，或选择二维码图片' }
  }
  return new Promise<ScanOutcome>((resolve) => {
    const overlay = document.createElement('div')
    overlay.setAttribute('data-testid', 'camera-scanner')
    overlay.style.cssText = 'position:fixed;inset:0;background:#000;z-index:9999;display:flex;flex-direction:column;align-items:center;justify-content:center'
    const video = document.createElement('video')
    video.setAttribute('playsinline', 'true')
    video.muted = true
    video.style.cssText = 'width:100%;max-height:80%;object-fit:cover'
    const tip = document.createElement('div')
    tip.textContent = '将签署二维码放入画面中'
    tip.style.cssText = 'color:#fff;margin:16px;font-size:15px'
    const cancel = document.createElement('button')
    cancel.textContent = '取消'
    cancel.style.cssText = 'padding:8px 32px;font-size:15px'
    overlay.append(video, tip, cancel)
    document.body.appendChild(overlay)
    const canvas = document.createElement('canvas')
    const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D
    let done = false
    let timer = 0
    const finish = (r: ScanOutcome) => {
      if (done) return
      done = true
      window.clearInterval(timer)
      stream.getTracks().forEach((t) => t.stop())
      overlay.remove()
      resolve(r)
    }
    cancel.onclick = () => finish({ ok: false, cancelled: true, message: '已取消扫码' })
    video.srcObject = stream
    void video.play().catch(() => undefined)
    timer = window.setInterval(() => {
      const w = video.videoWidth
      const h = video.videoHeight
      if (!w || !h) return
      const scale = Math.min(1, 640 / Math.max(w, h))
      canvas.width = Math.round(w * scale)
      canvas.height = Math.round(h * scale)
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height)
      const text = decodePixels(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height)
      if (text) finish({ ok: true, text })
    }, 250)
  })
}

export const adapter: PlatformAdapter = {
  name: 'h5',
  scanQr: scanWithCamera,
  pickQrImage,
  consumeLaunchLink() {
    // https://host/s/PAYLOAD is served index.html (see scripts/serve-h5.js and docs/entry-links.md).
    const { pathname, href, hash } = window.location
    if (!/^\/s\/[^/]+\/?$/.test(pathname)) return null
    window.history.replaceState(null, '', '/' + (hash || ''))
    return href.replace(/#.*$/, '')
  },
  linkBase: () => window.location.origin,
  allowedHosts: () => Array.from(new Set([...LINK_HOSTS, window.location.host.toLowerCase()])),
  requirePrivacyConsent: () => privacyPrompt.ask()
}
