import zlib from 'zlib'
import { crc32 } from '@/domain/enterprise/png'

/** Decodes the PNGs png.ts writes (8-bit palette or 1-bit grey, filter 0) into RGBA. */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8ClampedArray; text: string[] } {
  const b = Buffer.from(png)
  let o = 8
  let width = 0
  let height = 0
  let depth = 0
  let palette: number[][] = []
  const idat: Buffer[] = []
  const text: string[] = []
  while (o < b.length) {
    const len = b.readUInt32BE(o)
    const type = b.toString('latin1', o + 4, o + 8)
    const data = b.subarray(o + 8, o + 8 + len)
    if (b.readUInt32BE(o + 8 + len) !== crc32(png, o + 4, o + 8 + len)) throw new Error(`bad CRC in ${type}`)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      depth = data[8]
    } else if (type === 'PLTE') {
      palette = []
      for (let i = 0; i < data.length; i += 3) palette.push([data[i], data[i + 1], data[i + 2]])
    } else if (type === 'IDAT') idat.push(data)
    else if (type === 'tEXt') text.push(data.toString('latin1').replace('\0', '='))
    o += 12 + len
  }
  const raw = zlib.inflateSync(Buffer.concat(idat))
  const rowBytes = depth === 1 ? Math.ceil(width / 8) : width
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const row = y * (rowBytes + 1) + 1
      const [r, g, bl] = depth === 1 ? ((raw[row + (x >> 3)] >> (7 - (x & 7))) & 1 ? [255, 255, 255] : [0, 0, 0]) : palette[raw[row + x]]
      rgba.set([r, g, bl, 255], (y * width + x) * 4)
    }
  }
  return { width, height, rgba, text }
}
