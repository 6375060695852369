import Taro from '@tarojs/taro'
import { adapter } from './adapter'

/**
 * Files on WeChat: chooseMedia (camera or album) for pictures, chooseMessageFile for PDFs and
 * pictures from a chat, the file system manager to read bytes (an ArrayBuffer) and to write
 * the letter template, openDocument to show it (its menu can save or forward it).
 * Nothing here touches window/document/atob: only Taro APIs, called inside the functions.
 */

export interface PickedFile {
  path: string
  name: string
  size: number
}

export type PickOutcome = { ok: true; file: PickedFile } | { ok: false; cancelled: boolean; message: string }

const CONSENT_REFUSED: PickOutcome = { ok: false, cancelled: true, message: '需要同意隐私保护指引后才能使用相册或相机' }

function failed(e: unknown, fallback: string): PickOutcome {
  const msg = String((e as { errMsg?: string })?.errMsg ?? e ?? '')
  if (/cancel/i.test(msg)) return { ok: false, cancelled: true, message: '已取消选择' }
  if (/auth deny|authorize|privacy/i.test(msg)) return { ok: false, cancelled: false, message: '未获得相册或相机权限，请在设置中允许后重试' }
  return { ok: false, cancelled: false, message: fallback }
}

function baseName(path: string): string {
  return path.split('/').pop() || 'file'
}

export async function pickImage(source: 'camera' | 'album'): Promise<PickOutcome> {
  if (!(await adapter.requirePrivacyConsent())) return CONSENT_REFUSED
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: [source], sizeType: ['original'] })
    const f = res.tempFiles?.[0]
    if (!f) return { ok: false, cancelled: true, message: '已取消选择' }
    return { ok: true, file: { path: f.tempFilePath, name: baseName(f.tempFilePath), size: f.size } }
  } catch (e) {
    if (typeof Taro.chooseImage === 'function' && !/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) {
      try {
        const res = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: [source] })
        const f = res.tempFiles?.[0]
        if (f) return { ok: true, file: { path: f.path, name: baseName(f.path), size: f.size } }
      } catch (e2) {
        return failed(e2, '无法打开相册或相机，请重试')
      }
    }
    return failed(e, '无法打开相册或相机，请重试')
  }
}

/** A PDF or a picture from a chat (the signed letter). */
export async function pickDocument(): Promise<PickOutcome> {
  if (!(await adapter.requirePrivacyConsent())) return CONSENT_REFUSED
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] })
    const f = res.tempFiles?.[0]
    if (!f) return { ok: false, cancelled: true, message: '已取消选择' }
    return { ok: true, file: { path: f.path, name: f.name || baseName(f.path), size: f.size } }
  } catch (e) {
    return failed(e, '无法选择文件，请从聊天记录中选择 PDF 或图片')
  }
}

/** A PDF from a chat (a signed contract, for 合同验签). */
export async function pickPdf(): Promise<PickOutcome> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })
    const f = res.tempFiles?.[0]
    if (!f) return { ok: false, cancelled: true, message: '已取消选择' }
    return { ok: true, file: { path: f.path, name: f.name || baseName(f.path), size: f.size } }
  } catch (e) {
    return failed(e, '无法选择文件，请从聊天记录中选择 PDF 文件')
  }
}

export function readBytes(path: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (res) => resolve(new Uint8Array(res.data as ArrayBuffer)),
      fail: (e) => reject(new Error(e.errMsg || 'readFile failed'))
    })
  })
}

function writeTemp(bytes: Uint8Array, fileName: string): Promise<string> {
  const path = `${Taro.env.USER_DATA_PATH}/${fileName}`
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath: path,
      data,
      success: () => resolve(path),
      fail: (e) => reject(new Error(e.errMsg || 'writeFile failed'))
    })
  })
}

export async function localUrl(bytes: Uint8Array, mime: string): Promise<string> {
  const ext = mime === 'image/png' ? 'png' : mime === 'image/jpeg' ? 'jpg' : 'bin'
  return writeTemp(bytes, `inkseal-${Date.now()}.${ext}`)
}

export async function saveAndOpen(bytes: Uint8Array, fileName: string, _mime: string): Promise<{ ok: boolean; message: string }> {
  try {
    const path = await writeTemp(bytes, fileName)
    await Taro.openDocument({ filePath: path, fileType: 'pdf', showMenu: true })
    return { ok: true, message: '已打开授权书模板，可通过右上角菜单保存或转发' }
  } catch {
    return { ok: false, message: '无法打开授权书模板，请稍后重试' }
  }
}
