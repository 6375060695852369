/**
 * Base64 and UTF-8 written by hand: WeChat's JS engine on phones has neither btoa/atob nor
 * TextEncoder. (Same UTF-8 encoding as services/sandbox/hash.ts `utf8Bytes`; the domain layer
 * keeps its own copy so it depends on nothing outside src/domain.)
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP: Record<string, number> = {}
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET[i]] = i

export function utf8Encode(s: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      }
    }
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

export function base64Encode(bytes: Uint8Array): string {
  const parts: string[] = []
  let chunk = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    chunk += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63]
    if (chunk.length >= 8192) {
      parts.push(chunk)
      chunk = ''
    }
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] << 16
    chunk += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + '=='
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
    chunk += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + '='
  }
  parts.push(chunk)
  return parts.join('')
}

/** Strict decode (standard alphabet, padding required to a multiple of 4); null when malformed. */
export function base64Decode(s: string): Uint8Array | null {
  if (s.length % 4 !== 0) return null
  let pad = 0
  if (s.endsWith('==')) pad = 2
  else if (s.endsWith('=')) pad = 1
  const n = (s.length / 4) * 3 - pad
  const out = new Uint8Array(n)
  let o = 0
  for (let i = 0; i < s.length; i += 4) {
    const a = LOOKUP[s[i]]
    const b = LOOKUP[s[i + 1]]
    const last = i + 4 === s.length
    const c = last && pad === 2 ? 0 : LOOKUP[s[i + 2]]
    const d = last && pad >= 1 ? 0 : LOOKUP[s[i + 3]]
    if (a === undefined || b === undefined || c === undefined || d === undefined) return null
    const v = (a << 18) | (b << 12) | (c << 6) | d
    if (o < n) out[o++] = (v >> 16) & 255
    if (o < n) out[o++] = (v >> 8) & 255
    if (o < n) out[o++] = v & 255
  }
  return out
}

/** 'data:image/svg+xml;base64,…' for an SVG document string. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64Encode(utf8Encode(svg))}`
}
