/**
 * The enterprise operations over the HTTP transport (JSON bodies): chunked base64 uploads,
 * OCR, and the whole legal-representative path, through the loopback sandbox server.
 */
import { createHttpService } from '@/services/http/HttpService'
import { fetchRequest } from '@/services/http/fetchRequest'
import { ENTERPRISE_RULES } from '@sandbox/enterprise'
import { DEMO_LICENSES } from '@sandbox/enterprise/enterpriseDemo'
import { startSandboxServer, type SandboxServer, MAX_BODY_BYTES } from '@sandbox/server/sandboxServer'
import { adminSet, codeFor, expectError, linkParts, mask, setup, upload, verify, type Env } from './enterpriseHelpers'

let server: SandboxServer | null = null

afterEach(async () => {
  await server?.close()
  server = null
})

async function httpEnv(): Promise<Env> {
  const env = setup()
  server = await startSandboxServer({ service: env.sb, port: 0, onError: () => undefined })
  return { ...env, svc: createHttpService({ baseUrl: server.url, request: fetchRequest, timeoutMs: 10_000 }) }
}

describe('enterprise operations over HTTP', () => {
  test('a chunk fits a request body (base64 of CHUNK_SIZE plus JSON is under the server limit)', () => {
    expect(Math.ceil(ENTERPRISE_RULES.CHUNK_SIZE / 3) * 4 + 200).toBeLessThan(MAX_BODY_BYTES)
  })

  test('upload, OCR, confirm, administrator and the legal representative, all as JSON', async () => {
    const env = await httpEnv()
    const f = await adminSet(env, 'STANDARD')
    expect(f.app.status).toBe('ADMIN_SET')
    const rep = DEMO_LICENSES.STANDARD.legalRep
    const app = await env.svc.requestLegalRepAuthorization({
      session: f.session,
      applicationId: f.app.applicationId,
      creditCode: DEMO_LICENSES.STANDARD.fields.creditCode,
      legalRep: rep
    })
    const { applicationId, linkToken } = linkParts(app)
    const zs = await verify(env, rep)
    await env.svc.openLegalRepRequest({ session: zs.token, applicationId, linkToken })
    await env.svc.sendLegalRepCode({ session: zs.token, applicationId, linkToken })
    await env.svc.confirmLegalRepAuthorization({ session: zs.token, applicationId, linkToken, smsCode: codeFor(env, mask(rep.mobile)) })
    expect((await env.svc.getEnterpriseApplication({ session: f.session, applicationId })).status).toBe('ACTIVATED')
  })

  test('errors keep their codes and details across the wire', async () => {
    const env = await httpEnv()
    const s = await verify(env, { name: '李四', idNumber: '110108199206150032', mobile: '13910009000' })
    const e = await expectError(env.svc.startUpload({ session: s.token, purpose: 'LETTER', fileName: 'x.pdf', size: 8 * 1024 * 1024 + 1 }), 'FILE_TOO_LARGE')
    expect(e.details.maxBytes).toBe(8 * 1024 * 1024)
    await expectError(upload(env, s.token, 'LICENSE', 'x.png', Uint8Array.from([1, 2, 3, 4])), 'FILE_TYPE_NOT_ALLOWED')
  })
})
