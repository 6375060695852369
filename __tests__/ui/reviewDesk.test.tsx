import TestUtils from '@tarojs/test-utils-react'
import { bytesToBase64 } from '@/domain/base64'
import { DEMO_PEOPLE } from '@sandbox'
import { DEMO_LICENSES } from '@sandbox/enterprise/enterpriseDemo'
import { flush, html, uiWorld, type UiWorld } from './support'

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return {
    __esModule: true,
    ...actual,
    default: { ...actual.default, redirectTo: jest.fn(), navigateTo: jest.fn(), reLaunch: jest.fn() },
    useRouter: () => ({ params: {} }),
    useUnload: () => undefined,
    useDidShow: () => undefined
  }
})

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ReviewDesk = require('@/packages/enterprise/pages/review/index').default

/** An application with a letter awaiting review, made through the sandbox's operations. */
async function pendingLetter(w: UiWorld): Promise<void> {
  const svc = w.sandbox
  const p = DEMO_PEOPLE.LI_SI
  await svc.sendSmsCode({ mobile: p.mobile, purpose: 'REAL_NAME' })
  const { verificationId } = await svc.verifyRealName({ ...p, smsCode: w.lastCode() })
  const { token: session } = await svc.completeFace({ verificationId, capture: { source: 'simulated', frames: 24, action: 'blink', completed: true } })
  const { applicationId } = await svc.createEnterpriseApplication({ session })
  const put = async (purpose: 'LICENSE' | 'LETTER', bytes: Uint8Array) => {
    const t = await svc.startUpload({ session, purpose, fileName: 'x.png', size: bytes.length })
    for (let i = 0; i < t.chunkCount; i++) {
      await svc.uploadChunk({ session, uploadId: t.uploadId, index: i, data: bytesToBase64(bytes.subarray(i * t.chunkSize, (i + 1) * t.chunkSize)) })
    }
    return svc.finishUpload({ session, uploadId: t.uploadId })
  }
  const lic = await put('LICENSE', svc.dev.licenseSampleImage('REJECT_FIRST'))
  await svc.recognizeLicense({ session, applicationId, fileId: lic.fileId })
  await svc.confirmLicense({ session, applicationId, license: { ...DEMO_LICENSES.REJECT_FIRST.fields } })
  const admin = DEMO_PEOPLE.ZHAO_MIN
  await svc.sendAdminCode({ session, applicationId, admin })
  await svc.setAdministrator({ session, applicationId, admin, smsCode: w.lastCode() })
  const letter = await put('LETTER', svc.dev.licenseSampleImage('LETTER'))
  await svc.submitAuthorizationLetter({ session, applicationId, fileId: letter.fileId })
}

async function tapTestId(t: TestUtils, testId: string) {
  const el = t.queries.queryByAttribute('data-testid', testId) as HTMLElement
  expect(el).toBeTruthy()
  t.fireEvent.click(el)
  await flush(10)
}

describe('审核台 page (H5 components, jsdom)', () => {
  test('lists the letter, shows it, refuses a short reason, rejects with a reason', async () => {
    const w = uiWorld()
    await pendingLetter(w)
    const t = new TestUtils()
    await t.mount(w.wrap(ReviewDesk))
    await flush(20)
    expect(html()).toContain('待审核（1）')
    expect(html()).toContain('广州南沙远航物流有限公司')

    await tapTestId(t, 'review-open')
    expect(html()).toContain('第 1 次提交')
    expect(html()).toContain('data:image/png;base64,')

    const area = t.queries.queryByAttribute('data-testid', 'review-reason') as HTMLElement
    t.act(() => {
      area.dispatchEvent(new CustomEvent('input', { detail: { value: '未盖章' }, bubbles: true }))
    })
    await tapTestId(t, 'review-reject')
    expect(html()).toContain('请填写驳回原因（5–200 个字）')

    const reason = '授权书未加盖企业公章，请盖章后重新上传'
    t.act(() => {
      area.dispatchEvent(new CustomEvent('input', { detail: { value: reason }, bubbles: true }))
    })
    await tapTestId(t, 'review-reject')
    await flush(20)
    expect(html()).toContain(`已驳回：${reason}`)
  })
})
