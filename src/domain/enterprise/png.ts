/**
 * A small PNG encoder that runs anywhere (WeChat, browsers, Node): no canvas, no zlib. The
 * image data is "deflated" with stored (uncompressed) blocks, which every decoder accepts.
 * Used for the legal representative's QR code (an <Image> data URL on both platforms) and for
 * the sandbox's demo licence images.
 */
import { bytesToBase64 } from '@/domain/base64'

let CRC_TABLE: Uint32Array | null = null

function crcTable(): Uint32Array {
  if (CRC_TABLE) return CRC_TABLE
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  CRC_TABLE = t
  return t
}

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = crcTable()
  let c = 0xffffffff
  for (let i = start; i < end; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  const MOD = 65521
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(bytes.length, i + 3800)
    for (; i < end; i++) {
      a += bytes[i]
      b += a
    }
    a %= MOD
    b %= MOD
  }
  return ((b << 16) | a) >>> 0
}

/** zlib stream of stored blocks (no compression). */
export function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535))
  const out = new Uint8Array(2 + data.length + blocks * 5 + 4)
  out[0] = 0x78
  out[1] = 0x01
  let o = 2
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535
    const len = Math.min(65535, data.length - start)
    out[o++] = b === blocks - 1 ? 1 : 0
    out[o++] = len & 0xff
    out[o++] = len >> 8
    out[o++] = ~len & 0xff
    out[o++] = (~len >> 8) & 0xff
    out.set(data.subarray(start, start + len), o)
    o += len
  }
  const ad = adler32(data)
  out[o++] = ad >>> 24
  out[o++] = (ad >>> 16) & 0xff
  out[o++] = (ad >>> 8) & 0xff
  out[o++] = ad & 0xff
  return out
}

function latin1(s: string): number[] {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff)
  return out
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const n = data.length
  out[0] = n >>> 24
  out[1] = (n >>> 16) & 0xff
  out[2] = (n >>> 8) & 0xff
  out[3] = n & 0xff
  out.set(latin1(type), 4)
  out.set(data, 8)
  const c = crc32(out, 4, 8 + n)
  out[8 + n] = c >>> 24
  out[9 + n] = (c >>> 16) & 0xff
  out[10 + n] = (c >>> 8) & 0xff
  out[11 + n] = c & 0xff
  return out
}

export interface PngImage {
  width: number
  height: number
  /** 'gray1': 1 bit per pixel (0 black, 1 white); 'palette': one palette index per pixel */
  format: 'gray1' | 'palette'
  /** width * height values, row by row */
  pixels: Uint8Array
  /** RGB triples, for 'palette' (at most 256 colours) */
  palette?: readonly [number, number, number][]
  /** tEXt chunks (Latin-1 keyword and text) */
  text?: { keyword: string; text: string }[]
}

export function encodePng(img: PngImage): Uint8Array {
  const { width, height, format, pixels } = img
  const gray = format === 'gray1'
  const rowBytes = gray ? Math.ceil(width / 8) : width
  const raw = new Uint8Array((rowBytes + 1) * height)
  for (let y = 0; y < height; y++) {
    const o = y * (rowBytes + 1)
    raw[o] = 0 // filter: none
    if (gray) {
      for (let x = 0; x < width; x++) if (pixels[y * width + x]) raw[o + 1 + (x >> 3)] |= 0x80 >> (x & 7)
    } else {
      raw.set(pixels.subarray(y * width, (y + 1) * width), o + 1)
    }
  }
  const ihdr = new Uint8Array(13)
  ihdr.set([width >>> 24, (width >>> 16) & 0xff, (width >>> 8) & 0xff, width & 0xff], 0)
  ihdr.set([height >>> 24, (height >>> 16) & 0xff, (height >>> 8) & 0xff, height & 0xff], 4)
  ihdr[8] = gray ? 1 : 8
  ihdr[9] = gray ? 0 : 3
  const parts: Uint8Array[] = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)]
  if (!gray) {
    const pal = img.palette ?? []
    const plte = new Uint8Array(pal.length * 3)
    pal.forEach((c, i) => plte.set(c, i * 3))
    parts.push(chunk('PLTE', plte))
  }
  for (const t of img.text ?? []) parts.push(chunk('tEXt', Uint8Array.from([...latin1(t.keyword), 0, ...latin1(t.text)])))
  parts.push(chunk('IDAT', zlibStored(raw)))
  parts.push(chunk('IEND', new Uint8Array(0)))
  const total = parts.reduce((s, p) => s + p.length, 0)
  const out = new Uint8Array(total)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${bytesToBase64(png)}`
}
