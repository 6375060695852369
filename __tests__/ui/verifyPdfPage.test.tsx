/**
 * 合同验签 page in jsdom: the platform picker is mocked (it opens a file chooser), the store and
 * the verification are real.
 */
import TestUtils from '@tarojs/test-utils-react'
import { PDFDocument } from 'pdf-lib'
import { saveSigned } from '@/domain/pdf/sign'
import { createTestCa } from '@/domain/pdf/testCa'
import VerifyPdfPage from '@/packages/verify/pages/index/index'
import type { RootStore } from '@/stores/RootStore'
import { PdfVerifyStore } from '@/stores/PdfVerifyStore'
import { StoreProvider } from '@/stores/StoreContext'

// key generation, PDF tools (pdftoppm, pdfsig, qpdf) and rendering take seconds on a loaded machine
jest.setTimeout(60_000)

type Pick = { ok: true; file: { path: string; name: string; size: number } } | { ok: false; cancelled: boolean; message: string }
const mockFiles: { next: Pick; bytes: Uint8Array } = { next: { ok: false, cancelled: true, message: '' }, bytes: new Uint8Array() }

jest.mock('@/platform/files', () => ({
  pickPdf: () => Promise.resolve(mockFiles.next),
  readBytes: () => Promise.resolve(mockFiles.bytes)
}))

const NOW = Date.UTC(2026, 11, 4, 10, 0, 0)
let signedPdf: Uint8Array

beforeAll(async () => {
  const doc = await PDFDocument.create()
  doc.addPage([300, 400])
  signedPdf = await saveSigned(doc, { reason: '合同签署完成', name: 'InkSeal', signingTime: new Date(NOW) }, (await createTestCa(NOW, 1024)).signer)
})

const mounted: TestUtils[] = []
afterEach(() => mounted.splice(0).forEach((t) => t.unmout()))

async function open() {
  const store = new PdfVerifyStore()
  const root = { feature: () => store, session: { active: false }, dev: null } as unknown as RootStore
  function Host() {
    return (
      <StoreProvider store={root}>
        <VerifyPdfPage />
      </StoreProvider>
    )
  }
  const t = new TestUtils()
  mounted.push(t)
  await t.mount(Host, {})
  return store
}

async function waitFor(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

const pick = () => (document.querySelector('[data-testid="verify-pick"]') as HTMLElement).click()
const result = () => document.querySelector('[data-testid="verify-result"]')

function choose(name: string, bytes: Uint8Array) {
  mockFiles.next = { ok: true, file: { path: 'blob:x', name, size: bytes.length } }
  mockFiles.bytes = bytes
  pick()
}

describe('合同验签 page', () => {
  test('a signed PDF: 签名有效, the certificate and the signing time', async () => {
    await open()
    choose('合同.pdf', signedPdf)
    await waitFor(() => !!result())
    expect(result()!.getAttribute('data-status')).toBe('VALID')
    expect(result()!.textContent).toContain('签名有效，文件未被篡改')
    expect(result()!.textContent).toContain('InkSeal 电子签 沙箱签章')
    expect(result()!.textContent).toContain('合同.pdf')
  })

  test('a changed byte: 文件已被篡改; then a picture named .pdf: not a PDF', async () => {
    await open()
    const bad = Uint8Array.from(signedPdf)
    const at = Buffer.from(bad).indexOf('/MediaBox [ 0 0 300 400 ]') + 16
    bad[at] = '4'.charCodeAt(0)
    choose('改过的合同.pdf', bad)
    await waitFor(() => result()?.getAttribute('data-status') === 'ALTERED')
    expect(result()!.textContent).toContain('文件已被篡改')
    choose('照片.pdf', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xd9]))
    await waitFor(() => result()?.getAttribute('data-status') === 'BAD_FILE')
    expect(result()!.textContent).toContain('文件格式不支持，请上传 PDF 格式的文件')
  })

  test('a picker failure shows its message; a cancel changes nothing', async () => {
    const store = await open()
    mockFiles.next = { ok: false, cancelled: true, message: '已取消选择' }
    pick()
    await new Promise((r) => setTimeout(r, 30))
    expect(store.error).toBeNull()
    expect(document.querySelector('[data-testid="verify-error"]')).toBeNull()
    mockFiles.next = { ok: false, cancelled: false, message: '无法选择文件，请从聊天记录中选择 PDF 文件' }
    pick()
    await waitFor(() => !!document.querySelector('[data-testid="verify-error"]'))
    expect(document.querySelector('[data-testid="verify-error"]')!.textContent).toBe('无法选择文件，请从聊天记录中选择 PDF 文件')
    expect(result()).toBeNull()
  })
})
