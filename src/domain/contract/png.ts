/**
 * Checks a signature image: a PNG data URL ('data:image/png;base64,…') of sane size, with real
 * PNG magic bytes and an IHDR chunk whose dimensions are plausible for a signature.
 */
import { base64Decode } from './base64'

export const PNG_DATA_URL_PREFIX = 'data:image/png;base64,'
export const PNG_MAX_BYTES = 512 * 1024
export const PNG_MIN_SIDE = 16
export const PNG_MAX_SIDE = 4096

const MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export type PngProblem = 'NOT_DATA_URL' | 'BAD_BASE64' | 'TOO_LARGE' | 'NOT_PNG' | 'BAD_DIMENSIONS'

export type PngCheck = { ok: true; bytes: Uint8Array; base64: string; width: number; height: number } | { ok: false; problem: PngProblem; message: string }

const MESSAGES: Record<PngProblem, string> = {
  NOT_DATA_URL: '签名图片格式不正确，请重新签名',
  BAD_BASE64: '签名图片数据已损坏，请重新签名',
  TOO_LARGE: '签名图片过大（不能超过512KB），请重新签名',
  NOT_PNG: '签名图片不是有效的PNG图片，请重新签名',
  BAD_DIMENSIONS: '签名图片尺寸异常，请重新签名'
}

export function checkPngDataUrl(url: unknown): PngCheck {
  const bad = (problem: PngProblem): PngCheck => ({ ok: false, problem, message: MESSAGES[problem] })
  if (typeof url !== 'string' || !url.startsWith(PNG_DATA_URL_PREFIX)) return bad('NOT_DATA_URL')
  const base64 = url.slice(PNG_DATA_URL_PREFIX.length)
  // Size first, before decoding: 4 base64 chars carry 3 bytes.
  if (Math.floor((base64.length * 3) / 4) > PNG_MAX_BYTES + 2) return bad('TOO_LARGE')
  const bytes = base64Decode(base64)
  if (!bytes) return bad('BAD_BASE64')
  if (bytes.length > PNG_MAX_BYTES) return bad('TOO_LARGE')
  if (bytes.length < 8 + 25 || MAGIC.some((b, i) => bytes[i] !== b)) return bad('NOT_PNG')
  // First chunk: length 13, type 'IHDR', then width and height (big-endian uint32).
  const u32 = (o: number) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0
  const type = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15])
  if (u32(8) !== 13 || type !== 'IHDR') return bad('NOT_PNG')
  const width = u32(16)
  const height = u32(20)
  if (width < PNG_MIN_SIDE || height < PNG_MIN_SIDE || width > PNG_MAX_SIDE || height > PNG_MAX_SIDE) {
    return bad('BAD_DIMENSIONS')
  }
  return { ok: true, bytes, base64, width, height }
}
