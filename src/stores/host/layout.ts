import { makeAutoObservable } from 'mobx'
import { bytesToBase64 } from '@/domain/base64'
import { checkFile, MB, type FileRule } from '@/domain/fileType'

/** The screen's logo and background: PNG or JPG by their bytes, at most 2 MB each. */
export const SCREEN_IMAGE_RULE: FileRule = { accept: ['PNG', 'JPEG'], maxBytes: 2 * MB }

export type ScreenImageSlot = 'logo' | 'background'

/** A data URL (what the screen shows and the service takes). */
export interface ScreenImage {
  name: string
  dataUrl: string
}

/** The meeting screen's layout: a title (default the meeting name), a logo, a background picture. */
export class ScreenLayoutUnit {
  title = ''
  logo: ScreenImage | null = null
  background: ScreenImage | null = null
  errors: Partial<Record<ScreenImageSlot, string>> = {}

  constructor() {
    makeAutoObservable(this)
  }

  setTitle(v: string): void {
    this.title = v
  }

  /** A picked picture for a slot; false (and a message under it) when refused: the old one stays. */
  setImage(slot: ScreenImageSlot, file: { name: string; bytes: Uint8Array }): boolean {
    const r = checkFile(file.bytes, SCREEN_IMAGE_RULE)
    if (!r.ok) {
      this.errors[slot] = r.message
      return false
    }
    this.errors[slot] = undefined
    this[slot] = { name: file.name, dataUrl: `data:${r.value.mime};base64,${bytesToBase64(file.bytes)}` }
    return true
  }

  clearImage(slot: ScreenImageSlot): void {
    this[slot] = null
    this.errors[slot] = undefined
  }

  clear(): void {
    this.title = ''
    this.logo = null
    this.background = null
    this.errors = {}
  }

  fail(slot: ScreenImageSlot, message: string): void {
    this.errors[slot] = message
  }
}
