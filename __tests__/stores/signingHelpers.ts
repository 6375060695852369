/** Helpers shared by the signing store tests and the reliability tests. */
import zlib from 'zlib'
import { simulatedCapture } from '@/platform/face'
import type { RootStore } from '@/stores/RootStore'
import type { AcceptedSignature } from '@/stores/SigningStore'
import type { DemoPerson, World } from './helpers'


const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
/** A real PNG (a diagonal ink line on transparent), as the pad would hand over. */
export function signaturePng(w = 120, h = 48, seed = 1): string {
  const raw = Buffer.alloc((w * 4 + 1) * h)
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0
    for (let x = 0; x < w; x++) {
      const on = Math.abs(x * (h / w) - y + ((seed * 7) % 5)) < 2
      const o = y * (w * 4 + 1) + 1 + x * 4
      raw[o + 3] = on ? 255 : 0
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}

export function accepted(now: number, seed = 1): AcceptedSignature {
  return { png: signaturePng(120, 48, seed), width: 120, height: 48, kind: 'HANDWRITTEN', createdAt: now }
}

/** Verifies the person (SMS + face) and joins the flow of a demo link, as the app does. */
export async function signIn(w: World, p: DemoPerson, linkLabel: string, store: RootStore = w.store): Promise<string> {
  const entry = await store.entry.open(w.link(linkLabel))
  expect(entry.kind === 'ready' || entry.kind === 'closed').toBe(true)
  const flowId = entry.kind === 'ready' || entry.kind === 'closed' ? entry.resolution.flow.flowId : ''
  if (entry.kind === 'closed') {
    // Closed flows still resolve; join through the link like the overview does.
    store.entry.setPending({ flowId, linkToken: /\.S\.[^.]+\.([^.]+)\./.exec(w.link(linkLabel))![1], title: '' })
  }
  const v = store.verify
  v.setField('name', p.name)
  v.setField('idNumber', p.idNumber)
  v.setField('mobile', p.mobile)
  await v.sendCode()
  v.setField('smsCode', w.lastCode())
  expect(await v.submit()).toBe(true)
  expect(await v.completeFace(simulatedCapture('blink', true))).toBe(true)
  const flow = await store.flow.open(flowId)
  expect(flow.kind).toBe('ready')
  // the verify form runs a countdown ticker
  v.reset()
  return flowId
}

/** Reads a contract to its end (fetches every chunk, so the last page counts as reached). */
export async function readToEnd(store: RootStore): Promise<void> {
  const s = store.signing
  s.ensurePages(0, s.pageCount - 1)
  await settle()
  s.refreshClock()
}

export const settle = () => new Promise((r) => setTimeout(r, 0))

