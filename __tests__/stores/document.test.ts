/**
 * 下载合同文件 (SigningStore.document): the PDF of record handed to the device's saver.
 */
import { DEMO_PEOPLE } from '@sandbox'
import { ServiceError } from '@/services/errors'
import type { InkSealService } from '@/services/types'
import { world } from './helpers'
import { signIn } from './signingHelpers'

jest.setTimeout(60_000)

type Saved = { bytes: Uint8Array; fileName: string; mime: string }

function saver(saved: Saved[], result = { ok: true, message: '已下载' }) {
  return async (bytes: Uint8Array, fileName: string, mime: string) => {
    saved.push({ bytes, fileName, mime })
    return result
  }
}

describe('下载合同文件', () => {
  test('a completed contract: a signed PDF goes to the saver, with its name and hash', async () => {
    const w = world()
    const flowId = await signIn(w, DEMO_PEOPLE.ZHANG_SAN, '借款合同（已完成）')
    const s = w.store.signing
    await s.open(flowId)
    const saved: Saved[] = []
    s.document.useSaver(saver(saved))
    expect(await s.document.download()).toBe(true)
    expect(saved).toHaveLength(1)
    expect(Buffer.from(saved[0].bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(saved[0].fileName).toBe('借款合同.pdf')
    expect(saved[0].mime).toBe('application/pdf')
    expect(s.document.last).toMatchObject({ fileName: '借款合同.pdf', signed: true, message: '已下载' })
    expect(s.document.last!.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(s.document.error).toBeNull()
  })

  test('the device refuses the file: its message, nothing recorded as handed over', async () => {
    const w = world()
    const flowId = await signIn(w, DEMO_PEOPLE.ZHANG_SAN, '借款合同（已完成）')
    const s = w.store.signing
    await s.open(flowId)
    s.document.useSaver(saver([], { ok: false, message: '无法打开合同文件，请稍后重试' }))
    expect(await s.document.download()).toBe(false)
    expect(s.document.error).toBe('无法打开合同文件，请稍后重试')
    expect(s.document.last).toBeNull()
    expect(s.document.busy).toBe(false)
  })

  test('the backend cannot make it: its Chinese message; a later try works', async () => {
    let fail = true
    const w = world({
      service: (base: InkSealService) =>
        new Proxy(base, {
          get(target, prop, recv) {
            if (prop === 'getContractDocument' && fail) {
              return () => Promise.reject(new ServiceError('DOCUMENT_UNAVAILABLE', '当前环境暂不支持生成合同文件，请在电脑浏览器中打开或稍后重试'))
            }
            return Reflect.get(target, prop, recv)
          }
        })
    })
    const flowId = await signIn(w, DEMO_PEOPLE.ZHANG_SAN, '借款合同（已完成）')
    const s = w.store.signing
    await s.open(flowId)
    const saved: Saved[] = []
    s.document.useSaver(saver(saved))
    expect(await s.document.download()).toBe(false)
    expect(s.document.error).toBe('当前环境暂不支持生成合同文件，请在电脑浏览器中打开或稍后重试')
    fail = false
    expect(await s.document.download()).toBe(true)
    expect(s.document.error).toBeNull()
    expect(saved).toHaveLength(1)
  })
})
