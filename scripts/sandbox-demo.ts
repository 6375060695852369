/**
 * `npm run sandbox:demo -- --out <dir>`: plays the demo 劳动合同 to completion on a fresh
 * in-process sandbox — 陈晨 signs by hand (a recorded stroke fixture, rasterised), then 王芳
 * for 深圳前海云签科技有限公司 with the HR seal, the contract seal as paging seal (骑缝章) and the
 * date — and writes the signed PDF of record into <dir>. Only the service interface is used, as
 * the app uses it.
 */
import fs from 'fs'
import path from 'path'
import { deflateSync } from 'zlib'
import { createSandbox, DEMO_FLOWS, DEMO_LINK_SPECS, DEMO_PEOPLE, type DemoPersonKey, type SandboxService } from '@sandbox'
import { base64ToBytes } from '@/domain/base64'
import { fillEveryField } from '@sandbox/signing/demoValues'
import type { ContractView } from '@/services/types'

const FLOW = DEMO_FLOWS.ENTERPRISE_PERSONAL
const FACE = { source: 'simulated' as const, frames: 24, action: 'blink' as const, completed: true }

function arg(name: string): string | null {
  const i = process.argv.indexOf(name)
  return i >= 0 ? (process.argv[i + 1] ?? null) : null
}

/** A transparent RGBA PNG of the recorded strokes, pen 5 px (written by hand: zlib + CRC only). */
function strokesPng(file: string): string {
  const f = JSON.parse(fs.readFileSync(file, 'utf8')) as { width: number; height: number; strokes: [number, number, number][][] }
  const { width: W, height: H } = f
  const px = new Uint8Array(W * H * 4)
  const dot = (cx: number, cy: number, r: number) => {
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        if (x < 0 || y < 0 || x >= W || y >= H || (x - cx) ** 2 + (y - cy) ** 2 > r * r) continue
        px[(y * W + x) * 4 + 3] = 255
      }
    }
  }
  for (const s of f.strokes) {
    for (let i = 1; i < s.length; i++) {
      const [x0, y0] = s[i - 1]
      const [x1, y1] = s[i]
      const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)))
      for (let k = 0; k <= n; k++) dot(x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n, 2.5)
    }
  }
  const raw = Buffer.alloc((W * 4 + 1) * H)
  for (let y = 0; y < H; y++) Buffer.from(px.subarray(y * W * 4, (y + 1) * W * 4)).copy(raw, y * (W * 4 + 1) + 1)
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(8 + data.length + 4)
    out.writeUInt32BE(data.length, 0)
    td.copy(out, 4)
    out.writeUInt32BE(crc(td), 8 + data.length)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(W, 0)
  ihdr.writeUInt32BE(H, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}

async function main(): Promise<void> {
  const out = arg('--out')
  if (!out) {
    console.error('usage: npm run sandbox:demo -- --out <dir>')
    process.exit(2)
  }
  const clock = { t: Date.now() }
  const sb: SandboxService = createSandbox({ seed: 1, latency: { min: 0, max: 0 }, now: () => clock.t })
  await sb.dev.setAutoPlayOthers(false)
  const code = () => /验证码为(\d{6})/.exec(sb.dev.listSmsOutbox()[0].text)![1]
  const linkToken = DEMO_LINK_SPECS.find((s) => s.flowId === FLOW && s.expiresIn > 0)!
  const token = sb.dev
    .listDemoLinks()
    .find((l) => l.label === linkToken.label)!
    .payload.split('.')[3]

  const join = async (who: DemoPersonKey) => {
    const p = DEMO_PEOPLE[who]
    clock.t += 61_000
    await sb.sendSmsCode({ mobile: p.mobile, purpose: 'REAL_NAME' })
    const v = await sb.verifyRealName({ name: p.name, idNumber: p.idNumber, mobile: p.mobile, smsCode: code() })
    const session = (await sb.completeFace({ verificationId: v.verificationId, capture: FACE })).token
    const j = await sb.joinFlow({ session, flowId: FLOW, linkToken: token })
    return { session, signerId: j.mySignerId }
  }
  const readAll = async (session: string): Promise<ContractView> => {
    const c = await sb.getContract({ session, flowId: FLOW })
    for (let from = 0; from < c.pageCount; from += 10) await sb.getContractPages({ session, flowId: FLOW, from, count: 10 })
    clock.t += ((c.options.forcedReading?.minSeconds ?? 0) + 1) * 1000
    return c
  }
  const values = (c: ContractView, signerId: string, png: string) =>
    fillEveryField(c, signerId, { png, sealId: 'SEAL-YQ-HR', pagingSealId: 'SEAL-YQ-CONTRACT', text: (f) => f.placeholder ?? '无' })

  const hand = strokesPng(path.join(__dirname, '..', '__tests__', 'fixtures', 'strokes', 'signature-fast.json'))
  // 陈晨 signs first (the contract is ordered), by hand, confirming by face
  const chen = await join('CHEN_CHEN')
  const c1 = await readAll(chen.session)
  const ch = await sb.startIntent({ session: chen.session, flowId: FLOW, method: 'FACE' })
  const g1 = await sb.confirmIntent({ session: chen.session, flowId: FLOW, challengeId: ch.challengeId, capture: { ...FACE, action: ch.faceAction! } })
  await sb.submitSigning({
    session: chen.session,
    flowId: FLOW,
    signerId: chen.signerId,
    intentToken: g1.intentToken,
    idempotencyKey: 'demo-chen-1',
    values: values(c1, chen.signerId, hand)
  })
  // 王芳 for the company: seal, paging seal and date, confirming by SMS
  const wang = await join('WANG_FANG')
  const c2 = await readAll(wang.session)
  clock.t += 61_000
  const ch2 = await sb.startIntent({ session: wang.session, flowId: FLOW, method: 'SMS' })
  const g2 = await sb.confirmIntent({ session: wang.session, flowId: FLOW, challengeId: ch2.challengeId, smsCode: code() })
  const r = await sb.submitSigning({
    session: wang.session,
    flowId: FLOW,
    signerId: wang.signerId,
    intentToken: g2.intentToken,
    idempotencyKey: 'demo-wang-1',
    values: values(c2, wang.signerId, hand)
  })
  if (r.flowStatus !== 'COMPLETED') throw new Error(`the flow is ${r.flowStatus}, not completed`)

  const doc = await sb.getContractDocument({ session: wang.session, flowId: FLOW })
  fs.mkdirSync(out, { recursive: true })
  const file = path.join(out, doc.fileName)
  fs.writeFileSync(file, base64ToBytes(doc.pdfBase64)!)
  console.log(`${file}: ${doc.pageCount} pages, ${doc.signed ? 'signed' : 'NOT signed'}, SHA-256 ${doc.sha256}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
