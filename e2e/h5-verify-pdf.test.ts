/**
 * 合同验签 in the built H5 app (Chromium): from the home page, pick a signed PDF, read the
 * verdict; a copy with one flipped byte is reported altered; a picture renamed .pdf is refused.
 * The same files are checked by Debian's pdfsig, which must agree.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import type { Page } from 'playwright-core'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { saveSigned } from '@/domain/pdf/sign'
import { createTestCa } from '@/domain/pdf/testCa'
import { newPhone, startH5, type H5Harness } from './support/browser'

let h5: H5Harness
let signed: Buffer
let dir: string

beforeAll(async () => {
  h5 = await startH5()
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage([595.28, 841.89]).drawText('InkSeal e2e contract', { x: 72, y: 760, size: 14, font })
  const now = Date.UTC(2026, 11, 4, 10, 0, 0)
  signed = Buffer.from(await saveSigned(doc, { reason: '合同签署完成', name: 'InkSeal', signingTime: new Date(now) }, (await createTestCa(now, 2048)).signer))
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-verify-'))
})

afterAll(async () => {
  await h5?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function pick(page: Page, name: string, buffer: Buffer): Promise<string> {
  const chooser = page.waitForEvent('filechooser')
  await page.locator('[data-testid="verify-pick"]').click()
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer })
  const result = page.locator('[data-testid="verify-result"]')
  await page.waitForFunction((n) => document.querySelector('[data-testid="verify-result"]')?.textContent?.includes(n), name, { timeout: 15_000 })
  return (await result.getAttribute('data-status')) ?? ''
}

function pdfsig(bytes: Buffer): string {
  const f = path.join(dir, `f${Math.random().toString(36).slice(2)}.pdf`)
  fs.writeFileSync(f, bytes)
  return spawnSync('pdfsig', [f], { encoding: 'utf8' }).stdout
}

describe('合同验签 (H5)', () => {
  test('valid, then altered by one byte, then not a PDF; pdfsig agrees on the first two', async () => {
    const { page, errors, context } = await newPhone(h5.browser)
    await page.goto(`${h5.baseUrl}/#/pages/index/index`)
    await page.locator('[data-testid="home-verify-pdf"]').click()
    await page.locator('[data-testid="verify-pick"]').waitFor()

    expect(await pick(page, '战略合作协议.pdf', signed)).toBe('VALID')
    const text = await page.locator('[data-testid="verify-result"]').innerText()
    expect(text).toContain('签名有效，文件未被篡改')
    expect(text).toContain('InkSeal 电子签 沙箱签章')
    expect(pdfsig(signed)).toContain('Signature is Valid.')

    const flipped = Buffer.from(signed)
    const at = flipped.indexOf('/Producer <FEFF') + '/Producer <FEFF'.length + 3
    flipped[at] = flipped[at] === 0x30 ? 0x31 : 0x30
    expect(await pick(page, '改过的协议.pdf', flipped)).toBe('ALTERED')
    expect(await page.locator('[data-testid="verify-result"]').innerText()).toContain('文件已被篡改')
    expect(pdfsig(flipped)).not.toContain('Signature is Valid.')

    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9])
    expect(await pick(page, '照片.pdf', jpeg)).toBe('BAD_FILE')
    expect(await page.locator('[data-testid="verify-result"]').innerText()).toContain('文件格式不支持，请上传 PDF 格式的文件')
    expect(errors).toEqual([])
    await context.close()
  })
})
