/**
 * The signing operations through the real HTTP client and the sandbox server: payloads are
 * JSON, errors keep their codes and travel with their HTTP status.
 */
import { startSandboxServer } from '@sandbox/server/sandboxServer'
import { ServiceError } from '@/services/errors'
import { HTTP_STATUS } from '@/services/httpStatus'
import { createHttpService } from '@/services/http/HttpService'
import { fetchRequest } from '@/services/http/fetchRequest'
import { DEMO_FLOWS } from '@sandbox'
import { SIGNING_ERROR_STATUS } from '@/services/types'
import { join, lastCode, SECOND, setup, svgOf, valuesFor } from './signing.helpers'

test('read, confirm intent and sign over HTTP; an error keeps its code', async () => {
  const env = setup()
  const server = await startSandboxServer({ service: env.sb, port: 0, host: '127.0.0.1', onError: () => undefined })
  try {
    const api = createHttpService({ baseUrl: server.url, timeoutMs: 5000, request: fetchRequest })
    const { session, signerId } = await join(env, 'ZHANG_SAN', DEMO_FLOWS.PERSONAL)
    const c = await api.getContract({ session, flowId: DEMO_FLOWS.PERSONAL })
    expect(c.pageCount).toBe(6)
    const pages = await api.getContractPages({ session, flowId: DEMO_FLOWS.PERSONAL, from: 0, count: 6 })
    expect(svgOf(pages.pages[5].src)).toContain('（以下无正文，为签署页）')
    const e = await api.getContractPages({ session, flowId: DEMO_FLOWS.PERSONAL, from: 0, count: 50 }).catch((x) => x)
    expect(e).toBeInstanceOf(ServiceError)
    expect(e.code).toBe('INVALID_INPUT')
    const ch = await api.startIntent({ session, flowId: DEMO_FLOWS.PERSONAL, method: 'SMS' })
    const g = await api.confirmIntent({ session, flowId: DEMO_FLOWS.PERSONAL, challengeId: ch.challengeId, smsCode: lastCode(env.sb) })
    const input = {
      session,
      flowId: DEMO_FLOWS.PERSONAL,
      signerId,
      intentToken: g.intentToken,
      idempotencyKey: 'http-key-0001',
      values: valuesFor(c, signerId)
    }
    const r = await api.submitSigning(input)
    expect(await api.submitSigning(input)).toEqual(r)
    const dup = await api.submitSigning({ ...input, idempotencyKey: 'http-key-0002' }).catch((x) => x)
    expect(dup.code).toBe('ALREADY_SIGNED')
    env.advance(5 * SECOND)
    expect((await api.getSigningStatus({ session, flowId: DEMO_FLOWS.PERSONAL })).status).toBe('COMPLETED')
    expect((await api.verifyDocument({ session, flowId: DEMO_FLOWS.PERSONAL })).match).toBe(true)
    for (const [code, status] of Object.entries(SIGNING_ERROR_STATUS)) expect(HTTP_STATUS[code as keyof typeof HTTP_STATUS]).toBe(status)
  } finally {
    await server.close()
  }
})
