/**
 * Helpers for the signing tests: a sandbox with a fake clock, logging in and joining demo flows,
 * reading a contract through, intent confirmation, real PNG fixtures.
 */
import { deflateSync } from 'zlib'
import { ServiceError, type ErrorCode } from '@/services/errors'
import { MemoryStorage } from '@/services/storage'
import type { ContractView, FaceCapture, SubmitValue } from '@/services/types'
import { fillEveryField } from '@sandbox/signing/demoValues'
import { createSandbox, DEMO_LINK_SPECS, DEMO_PEOPLE, type DemoPersonKey, type SandboxOptions, type SandboxService } from '@sandbox'

export const T0 = Date.UTC(2026, 10, 21, 2, 0, 0) // 2026-11-21 10:00 Beijing
export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const OK_FACE: FaceCapture = { source: 'simulated', frames: 24, action: 'blink', completed: true }

export interface Env {
  sb: SandboxService
  storage: MemoryStorage
  clock: { t: number }
  advance(ms: number): void
}

export function setup(opts: SandboxOptions = {}): Env {
  const clock = { t: T0 }
  const storage = (opts.storage as MemoryStorage) ?? new MemoryStorage()
  const sb = createSandbox({ latency: { min: 0, max: 0 }, now: () => clock.t, ...opts, storage })
  return { sb, storage, clock, advance: (ms) => void (clock.t += ms) }
}

export async function expectError(p: Promise<unknown>, code: ErrorCode): Promise<ServiceError> {
  try {
    await p
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e
    if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`)
    expect(e.message).toMatch(/[\u4e00-\u9fff]/)
    return e
  }
  throw new Error(`expected ${code}, but it resolved`)
}

export function lastCode(sb: SandboxService): string {
  const m = /验证码为(\d{6})/.exec(sb.dev.listSmsOutbox()[0].text)
  if (!m) throw new Error('no code in outbox')
  return m[1]
}

export async function login(env: Env, who: DemoPersonKey): Promise<string> {
  const p = DEMO_PEOPLE[who]
  await env.sb.sendSmsCode({ mobile: p.mobile, purpose: 'REAL_NAME' })
  const v = await env.sb.verifyRealName({ name: p.name, idNumber: p.idNumber, mobile: p.mobile, smsCode: lastCode(env.sb) })
  const s = await env.sb.completeFace({ verificationId: v.verificationId, capture: OK_FACE })
  return s.token
}

/** The valid demo link token of a flow. */
export function linkToken(sb: SandboxService, flowId: string): string {
  const spec = DEMO_LINK_SPECS.find((s) => s.flowId === flowId && s.expiresIn > 0)!
  const l = sb.dev.listDemoLinks().find((x) => x.label === spec.label)!
  return l.payload.split('.')[3]
}

export async function join(env: Env, who: DemoPersonKey, flowId: string): Promise<{ session: string; signerId: string }> {
  const session = await login(env, who)
  const o = await env.sb.joinFlow({ session, flowId, linkToken: linkToken(env.sb, flowId) })
  return { session, signerId: o.mySignerId }
}

/** Opens the contract, fetches every page (10 at a time) and waits out the forced reading time. */
export async function readAll(env: Env, session: string, flowId: string): Promise<ContractView> {
  const c = await env.sb.getContract({ session, flowId })
  for (let from = 0; from < c.pageCount; from += 10) await env.sb.getContractPages({ session, flowId, from, count: 10 })
  env.advance((c.options.forcedReading?.minSeconds ?? 0) * SECOND)
  return env.sb.getContract({ session, flowId })
}

export async function smsIntent(env: Env, session: string, flowId: string, signerId?: string): Promise<string> {
  const ch = await env.sb.startIntent({ session, flowId, method: 'SMS', ...(signerId ? { signerId } : {}) })
  const g = await env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, smsCode: lastCode(env.sb) })
  return g.intentToken
}

export async function faceIntent(env: Env, session: string, flowId: string): Promise<string> {
  const ch = await env.sb.startIntent({ session, flowId, method: 'FACE' })
  const g = await env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, capture: { ...OK_FACE, action: ch.faceAction! } })
  return g.intentToken
}

/** Values for every field of the signer: one signature image, a seal, ticks and a text. */
export function valuesFor(c: ContractView, signerId: string, o: { png?: string; sealId?: string; pagingSealId?: string; text?: string } = {}): SubmitValue[] {
  return fillEveryField(c, signerId, { ...o, png: o.png ?? makePng(120, 48, 1) })
}

export function svgOf(src: string): string {
  expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true)
  return Buffer.from(src.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8')
}

// ---- PNG fixtures (real PNGs: signature, IHDR, IDAT, IEND with CRCs)

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

/** A real RGBA PNG of w × h with a stroke pattern that depends on `seed`; `noise` makes it incompressible. */
export function pngBytes(w: number, h: number, seed = 0, noise = false): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const raw = Buffer.alloc((w * 4 + 1) * h)
  let x = Math.imul(seed + 1, 2654435761) >>> 0
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0
    for (let i = 0; i < w; i++) {
      const o = y * (w * 4 + 1) + 1 + i * 4
      const on = noise
        ? ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) & 0x10000) !== 0
        : Math.abs(Math.round(h / 2 + (h / 3) * Math.sin((i + seed * 7) / 9)) - y) < 2
      raw[o + 3] = on ? 255 : 0
      if (noise) raw[o] = (x >>> 8) & 255
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

export function makePng(w: number, h: number, seed = 0, noise = false): string {
  return `data:image/png;base64,${pngBytes(w, h, seed, noise).toString('base64')}`
}
