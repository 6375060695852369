/**
 * getContractDocument: the PDF of record from the sandbox, checked by Debian's pdfsig, qpdf and
 * pdftotext, and by 合同验签's own verdict.
 */
import { execFileSync, spawnSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { DEMO_FLOWS } from '@sandbox'
import { base64ToBytes } from '@/domain/base64'
import { pdfVerdict } from '@/domain/pdf/verdict'
import { verifyPdf } from '@/domain/pdf/verify'
import { expectError, join, setup } from './signing.helpers'

// key generation, PDF tools and rendering take seconds on a loaded machine
jest.setTimeout(60_000)

const F = DEMO_FLOWS
let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-doc-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function write(name: string, bytes: Uint8Array): string {
  const f = path.join(dir, name)
  fs.writeFileSync(f, bytes)
  return f
}

describe('the PDF of record', () => {
  test('a completed flow: signed by the sandbox CA, valid for pdfsig, qpdf clean, text extractable; the CA is made once', async () => {
    const env = setup()
    const { session } = await join(env, 'ZHANG_SAN', F.COMPLETED)
    const doc = await env.sb.getContractDocument({ session, flowId: F.COMPLETED })
    expect(doc.signed).toBe(true)
    expect(doc.fileName).toMatch(/\.pdf$/)
    const bytes = base64ToBytes(doc.pdfBase64)!
    const file = write('completed.pdf', bytes)
    const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout
    expect(sig).toContain('Signature is Valid.')
    expect(sig).toContain('Total document signed')
    expect(() => execFileSync('qpdf', ['--check', file])).not.toThrow()
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    const c = await env.sb.getContract({ session, flowId: F.COMPLETED })
    expect(text).toContain(c.title)
    expect(text).toContain('签署报告')
    expect(doc.pageCount).toBe(c.pageCount + 1)
    expect(pdfVerdict(bytes).status).toBe('VALID')
    // the same certificate the second time, and after a restart on the same storage (persisted)
    const certOf = (b64: string) => {
      const v = verifyPdf(base64ToBytes(b64)!)
      return v.signed ? v.signatures[0].signer?.certPem : null
    }
    const first = certOf(doc.pdfBase64)
    expect(first).toMatch(/BEGIN CERTIFICATE/)
    expect(certOf((await env.sb.getContractDocument({ session, flowId: F.COMPLETED })).pdfBase64)).toBe(first)
    const restarted = setup({ storage: env.storage })
    restarted.advance(2 * 60_000)
    const again = await join(restarted, 'ZHANG_SAN', F.COMPLETED)
    expect(certOf((await restarted.sb.getContractDocument({ session: again.session, flowId: F.COMPLETED })).pdfBase64)).toBe(first)
    // one flipped byte: altered, for pdfsig and for 合同验签
    const bad = Uint8Array.from(bytes)
    const at = Buffer.from(bad).indexOf('/Producer <FEFF') + 20
    bad[at] = bad[at] === 0x30 ? 0x31 : 0x30
    expect(spawnSync('pdfsig', [write('flipped.pdf', bad)], { encoding: 'utf8' }).stdout).not.toContain('Signature is Valid.')
    expect(pdfVerdict(bad).status).toBe('ALTERED')
  })

  test('before completion: an unsigned preview of the same contract', async () => {
    const env = setup()
    const { session } = await join(env, 'LI_SI', F.PERSONAL)
    const doc = await env.sb.getContractDocument({ session, flowId: F.PERSONAL })
    expect(doc.signed).toBe(false)
    expect(doc.fileName).toContain('（预览）')
    expect(pdfVerdict(base64ToBytes(doc.pdfBase64)!).status).toBe('UNSIGNED')
    expect(execFileSync('pdftotext', [write('preview.pdf', base64ToBytes(doc.pdfBase64)!), '-'], { encoding: 'utf8' })).toContain(
      '尚未完成（预览，无数字签名）'
    )
  })

  test('only with a valid session of someone in the flow', async () => {
    const env = setup()
    await expectError(env.sb.getContractDocument({ session: 'nope', flowId: F.COMPLETED }), 'SESSION_INVALID')
  })
})

test('where the engine cannot load, DOCUMENT_UNAVAILABLE with a Chinese message', async () => {
  jest.resetModules()
  jest.doMock('@/platform/pdfEngine', () => ({ loadPdfEngine: () => Promise.reject(new Error('no engine')) }))
  const helpers = await import('./signing.helpers')
  const env = helpers.setup()
  const { session } = await helpers.join(env, 'ZHANG_SAN', F.COMPLETED)
  const e = await helpers.expectError(env.sb.getContractDocument({ session, flowId: F.COMPLETED }), 'DOCUMENT_UNAVAILABLE')
  expect(e.message).toBe('当前环境暂不支持生成合同文件，请在电脑浏览器中打开或稍后重试')
  jest.dontMock('@/platform/pdfEngine')
})

test('npm run sandbox:demo plays a flow to completion (handwriting, seal, paging seal, date) and writes the signed PDF', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-demo-'))
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '..', '..', 'scripts', 'sandbox-demo.ts'), '--out', out], {
    encoding: 'utf8'
  })
  // with stderr beside the status, a failure in CI says why
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' })
  const files = fs.readdirSync(out)
  expect(files).toEqual(['劳动合同.pdf'])
  const file = path.join(out, files[0])
  const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout
  expect(sig).toContain('Signature is Valid.')
  expect(sig).toContain('Total document signed')
  expect(() => execFileSync('qpdf', ['--check', file])).not.toThrow()
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  for (const s of ['劳动合同', '签署报告', '企业印章', '手写签名', '人事专用章']) expect(text).toContain(s)
  // without --out: a usage message, exit 2
  expect(
    spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '..', '..', 'scripts', 'sandbox-demo.ts')], { encoding: 'utf8' }).status
  ).toBe(2)
  fs.rmSync(out, { recursive: true, force: true })
})

test("a contract's original PDF is laid out once; each download stamps a fresh copy of it", async () => {
  jest.resetModules()
  let layouts = 0
  jest.doMock('@/platform/pdfEngine', () => {
    const real = jest.requireActual('@/platform/pdfEngine') as typeof import('@/platform/pdfEngine')
    return {
      loadPdfEngine: async () => {
        const e = await real.loadPdfEngine()
        return { ...e, pdfFromPages: (...args: Parameters<typeof e.pdfFromPages>) => (layouts++, e.pdfFromPages(...args)) }
      }
    }
  })
  const helpers = await import('./signing.helpers')
  const env = helpers.setup()
  const { session } = await helpers.join(env, 'LI_SI', F.PERSONAL)
  const a = await env.sb.getContractDocument({ session, flowId: F.PERSONAL })
  const b = await env.sb.getContractDocument({ session, flowId: F.PERSONAL })
  expect(layouts).toBe(1)
  expect(b.sha256).toBe(a.sha256)
  jest.dontMock('@/platform/pdfEngine')
})
