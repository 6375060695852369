/**
 * Base64 (RFC 4648, standard alphabet, padded) written by hand: WeChat's JS engine on phones
 * has no btoa/atob, and Buffer is Node's. Used for file chunks sent as JSON, data URLs and PNG signatures.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP: Int16Array = (() => {
  const t = new Int16Array(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i
  return t
})()

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  let chunk = ''
  const n = bytes.length
  let i = 0
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    chunk += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63]
    if (chunk.length >= 8192) {
      parts.push(chunk)
      chunk = ''
    }
  }
  if (i < n) {
    const b1 = bytes[i]
    const b2 = i + 1 < n ? bytes[i + 1] : 0
    const v = (b1 << 16) | (b2 << 8)
    chunk += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + (i + 1 < n ? ALPHABET[(v >> 6) & 63] : '=') + '='
  }
  parts.push(chunk)
  return parts.join('')
}

/** Decodes standard base64 (padding optional, no whitespace). Returns null when it is not base64. */
export function base64ToBytes(s: string): Uint8Array | null {
  if (typeof s !== 'string') return null
  let len = s.length
  while (len > 0 && s.charCodeAt(len - 1) === 61 /* = */) len--
  if (s.length - len > 2 || len % 4 === 1) return null
  if (s.length % 4 !== 0 && s.length !== len) return null // padding only on a full quad
  const out = new Uint8Array(Math.floor((len * 3) / 4))
  let o = 0
  let acc = 0
  let bits = 0
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i)
    const v = c < 128 ? LOOKUP[c] : -1
    if (v < 0) return null
    acc = ((acc << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  return o === out.length ? out : out.subarray(0, o)
}
