/**
 * The encodings contract rendering needs, from the domain's one base64 and UTF-8 (WeChat's JS
 * engine on phones has neither btoa/atob nor TextEncoder).
 */

import { base64ToBytes, bytesToBase64 } from '@/domain/base64'
import { utf8Bytes } from '@/domain/utf8'

export const utf8Encode = utf8Bytes
export const base64Encode = bytesToBase64

/** Strict decode (standard alphabet, padding required to a multiple of 4); null when malformed. */
export function base64Decode(s: string): Uint8Array | null {
  if (typeof s !== 'string' || s.length % 4 !== 0) return null
  return base64ToBytes(s)
}

/** 'data:image/svg+xml;base64,…' for an SVG document string. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64Encode(utf8Encode(svg))}`
}
