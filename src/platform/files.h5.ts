import Taro from '@tarojs/taro'
import { adapter } from './adapter'
import { chooseLocalFile } from './fileInput.h5'

/**
 * Files on H5: Taro.chooseImage opens a hidden file input and returns blob: URLs, read back
 * with fetch(). PDFs (the authorization letter) come from our own hidden
 * `<input type=file accept=".pdf,image/*">`. Downloads are an <a download> of a blob: URL.
 * See files.weapp.ts for WeChat; `files.ts` re-exports this module for tsc and jest.
 */

export interface PickedFile {
  /** A local URL for showing the picture (blob: here, a temp path on WeChat) */
  path: string
  name: string
  size: number
}

export type PickOutcome = { ok: true; file: PickedFile } | { ok: false; cancelled: boolean; message: string }

const CONSENT_REFUSED: PickOutcome = { ok: false, cancelled: true, message: '需要同意隐私保护指引后才能使用相册或相机' }

function errText(e: unknown): string {
  return String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e ?? '')
}

/** A photo or a picture: 'camera' takes one, 'album' picks one (H5: both are the file chooser). */
export async function pickImage(source: 'camera' | 'album'): Promise<PickOutcome> {
  if (!(await adapter.requirePrivacyConsent())) return CONSENT_REFUSED
  try {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: [source] })
    const f = res?.tempFiles?.[0] as { path: string; size: number; originalFileObj?: File } | undefined
    // Taro drops a chosen file the browser cannot decode as an image: no file, but no cancel either.
    if (!f?.path) return { ok: false, cancelled: false, message: '无法读取该图片，请选择 JPG 或 PNG 格式的照片' }
    return { ok: true, file: { path: f.path, name: f.originalFileObj?.name || 'image', size: f.size } }
  } catch (e) {
    return /cancel|abort/i.test(errText(e))
      ? { ok: false, cancelled: true, message: '已取消选择' }
      : { ok: false, cancelled: false, message: '无法打开相册，请重试' }
  }
}

/** A PDF or a picture (the signed letter). */
export async function pickDocument(): Promise<PickOutcome> {
  if (!(await adapter.requirePrivacyConsent())) return CONSENT_REFUSED
  const file = await chooseLocalFile('.pdf,application/pdf,image/*', 'document-input')
  if (!file) return { ok: false, cancelled: true, message: '已取消选择' }
  return { ok: true, file: { path: URL.createObjectURL(file), name: file.name, size: file.size } }
}

/** A PDF (a signed contract, for 合同验签). */
export async function pickPdf(): Promise<PickOutcome> {
  const file = await chooseLocalFile('.pdf,application/pdf', 'pdf-input')
  if (!file) return { ok: false, cancelled: true, message: '已取消选择' }
  return { ok: true, file: { path: URL.createObjectURL(file), name: file.name, size: file.size } }
}

/** The bytes of a picked file. */
export async function readBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(path)
  return new Uint8Array(await res.arrayBuffer())
}

/** A local URL for bytes made in the app (a demo picture), for an <Image>. */
export async function localUrl(bytes: Uint8Array, mime: string): Promise<string> {
  return URL.createObjectURL(new Blob([bytes.slice()], { type: mime }))
}

/** Saves a file the app made (the letter template) and opens it: here, a browser download. */
export async function saveAndOpen(bytes: Uint8Array, fileName: string, mime: string): Promise<{ ok: boolean; message: string }> {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { ok: true, message: `已下载 ${fileName}` }
}
