/**
 * PDF signatures checked by independent tools: Debian's pdfsig (poppler) and qpdf, installed by
 * `npm test` (scripts/test.js), and by our own verifyPdf (合同验签).
 */
import { execFileSync, spawnSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { issuedBy } from '@/domain/pdf/pkcs7'
import { saveSigned } from '@/domain/pdf/sign'
import { verifyPdf, type PdfVerification } from '@/domain/pdf/verify'
import { createTestCa, type TestCa } from '@/domain/pdf/testCa'

// key generation, PDF tools (pdftoppm, pdfsig, qpdf) and rendering take seconds on a loaded machine
jest.setTimeout(60_000)

const NOW = Date.UTC(2026, 11, 4, 10, 0, 0)
let ca: TestCa
let dir: string

beforeAll(async () => {
  ca = await createTestCa(NOW, 2048)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-pdf-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function samplePdf(pages = 2): Promise<PDFDocument> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < pages; i++) {
    const p = doc.addPage([595.28, 841.89])
    p.drawText(`InkSeal test contract, page ${i + 1}`, { x: 72, y: 760, size: 14, font })
  }
  return doc
}

async function signedSample(): Promise<Uint8Array> {
  return saveSigned(await samplePdf(), { reason: '合同签署完成', name: 'InkSeal 电子签', signingTime: new Date(NOW) }, ca.signer)
}

function write(name: string, bytes: Uint8Array): string {
  const f = path.join(dir, name)
  fs.writeFileSync(f, bytes)
  return f
}

function pdfsig(file: string): string {
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' })
  return `${r.stdout}\n${r.stderr}`
}

function only(v: PdfVerification) {
  if (!v.signed) throw new Error('not signed')
  expect(v.signatures).toHaveLength(1)
  return v.signatures[0]
}

describe('signed PDF', () => {
  test('pdfsig says the signature is valid and covers the whole document; qpdf --check passes', async () => {
    const file = write('signed.pdf', await signedSample())
    const out = pdfsig(file)
    expect(out).toContain('Signature Validation: Signature is Valid.')
    expect(out).toContain('Total document signed')
    expect(out).toMatch(/Signer Certificate Common Name: InkSeal/)
    expect(() => execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).not.toThrow()
  })

  test('our verifier agrees: intact, whole document, signer and time, issued by the test root', async () => {
    const sig = only(verifyPdf(await signedSample()))
    expect(sig.reason).toBe('OK')
    expect(sig.intact).toBe(true)
    expect(sig.coversWholeDocument).toBe(true)
    expect(sig.signer?.commonName).toBe('InkSeal 电子签 沙箱签章')
    expect(sig.signer?.issuerCommonName).toBe('InkSeal Sandbox Test Root CA')
    expect(sig.signer?.signingTime).toBe(NOW)
    expect(issuedBy(sig.signer!.certPem, ca.rootCertPem)).toBe(true)
    expect(issuedBy(sig.signer!.certPem, (await createTestCa(NOW, 1024)).rootCertPem)).toBe(false)
  })

  test('one flipped byte in the signed content: pdfsig and our verifier both say altered', async () => {
    const pdf = await signedSample()
    // flip a hex digit of the document's /Producer (UTF-16 hex), inside the first signed range
    const at = Buffer.from(pdf).indexOf('/Producer <FEFF') + '/Producer <FEFF'.length
    expect(at).toBeGreaterThan(20)
    const bad = Uint8Array.from(pdf)
    bad[at + 3] = bad[at + 3] === 0x30 ? 0x31 : 0x30
    const out = pdfsig(write('flipped.pdf', bad))
    expect(out).not.toContain('Signature is Valid.')
    expect(out).toMatch(/Signature Validation: Digest Mismatch|Signature is Invalid/)
    const sig = only(verifyPdf(bad))
    expect(sig.intact).toBe(false)
    expect(sig.reason).toBe('DIGEST_MISMATCH')
  })

  test('bytes appended after signing: still intact, but not the whole document', async () => {
    const pdf = await signedSample()
    const extra = Buffer.from('\n1 0 obj\n(tampered)\nendobj\n%%EOF\n')
    const longer = Uint8Array.from([...pdf, ...extra])
    const sig = only(verifyPdf(longer))
    expect(sig.intact).toBe(true)
    expect(sig.coversWholeDocument).toBe(false)
    expect(pdfsig(write('appended.pdf', longer))).not.toContain('Total document signed')
  })

  test('a flipped byte inside the signature itself makes it invalid; an unsigned PDF is unsigned', async () => {
    const pdf = await signedSample()
    const text = Buffer.from(pdf).toString('latin1')
    const m = /\/ByteRange \[0 (\d+) (\d+) \d+\s*\]/.exec(text)!
    const hex = text.slice(Number(m[1]) + 1, Number(m[2]) - 1).replace(/(00)+$/, '')
    const bad = Uint8Array.from(pdf)
    // a hex digit inside the RSA signature value, the last 256 bytes of the DER
    const pos = Number(m[1]) + 1 + hex.length - 200
    bad[pos] = bad[pos] === 0x30 ? 0x31 : 0x30
    const sig = only(verifyPdf(bad))
    expect(sig.intact).toBe(false)
    expect(verifyPdf(await (await samplePdf(1)).save())).toEqual({ signed: false })
  })
})

describe('test CA keys', () => {
  test('WebCrypto and pure-JavaScript key pairs both sign PDFs that pdfsig accepts', async () => {
    for (const pureJs of [false, true]) {
      const own = await createTestCa(NOW, 1024, { pureJs })
      const pdf = await saveSigned(await samplePdf(1), { reason: '合同签署完成', name: 'InkSeal', signingTime: new Date(NOW) }, own.signer)
      expect(pdfsig(write(`keys-${pureJs}.pdf`, pdf))).toContain('Signature is Valid.')
      const v = verifyPdf(pdf)
      expect(v.signed && v.signatures[0].intact).toBe(true)
      expect(issuedBy(own.signer.certPem, own.rootCertPem)).toBe(true)
    }
  })
})
