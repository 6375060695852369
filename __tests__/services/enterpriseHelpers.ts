/** Shared helpers for the enterprise sandbox tests (not a test file itself). */
import { ServiceError, type ErrorCode } from '@/services/errors'
import { createSandbox, type SandboxOptions, type SandboxService } from '@sandbox'
import { DEMO_LICENSES, type LicenseSampleKey } from '@sandbox/enterprise/enterpriseDemo'
import { REVIEW_DESK } from '@sandbox/enterprise/cloudRegistry'
import { MemoryStorage } from '@/services/storage'
import { bytesToBase64 } from '@/domain/base64'
import type { EnterpriseApplication, InkSealService, SessionInfo, UploadPurpose, UploadedFile } from '@/services/types'

export const T0 = Date.UTC(2026, 10, 21, 2, 0, 0) // 2026-11-21 10:00 Beijing
export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE

export interface Person {
  name: string
  idNumber: string
  mobile: string
}

export interface Env {
  sb: SandboxService
  /** What the tests call: the sandbox, or an HTTP client in front of it */
  svc: InkSealService
  storage: MemoryStorage
  clock: { t: number }
  advance(ms: number): void
}

export function setup(opts: SandboxOptions & { wrap?: (sb: SandboxService) => InkSealService } = {}): Env {
  const clock = { t: T0 }
  const storage = (opts.storage as MemoryStorage) ?? new MemoryStorage()
  const sb = createSandbox({ seed: 11, latency: { min: 0, max: 0 }, now: () => clock.t, linkBase: 'https://sign.inkseal.cn', ...opts, storage })
  return { sb, svc: opts.wrap ? opts.wrap(sb) : sb, storage, clock, advance: (ms) => void (clock.t += ms) }
}

export async function expectError(p: Promise<unknown>, code: ErrorCode): Promise<ServiceError> {
  try {
    await p
  } catch (e) {
    const err = e as ServiceError
    if (err?.name !== 'ServiceError') throw e
    if (err.code !== code) throw new Error(`expected ${code}, got ${err.code}: ${err.message}`)
    expect(err.message).toMatch(/[\u4e00-\u9fff]/)
    return err
  }
  throw new Error(`expected ${code}, but it resolved`)
}

/** The 6-digit code of the newest SMS to a masked mobile. */
export function codeFor(env: Env, maskedMobile: string): string {
  const m = env.sb.dev.listSmsOutbox().find((x) => x.to === maskedMobile)
  const code = m && /(\d{6})/.exec(m.text)?.[1]
  if (!code) throw new Error(`no SMS code to ${maskedMobile}`)
  return code
}

export function mask(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`
}

/** Real-name verification + face, as the app does it: returns the session. */
export async function verify(env: Env, p: Person): Promise<SessionInfo> {
  await env.svc.sendSmsCode({ mobile: p.mobile, purpose: 'REAL_NAME' })
  const code = codeFor(env, mask(p.mobile))
  const { verificationId } = await env.svc.verifyRealName({ ...p, smsCode: code })
  return env.svc.completeFace({ verificationId, capture: { source: 'simulated', frames: 24, action: 'blink', completed: true } })
}

/** Uploads bytes in chunks, as the app does. */
export async function upload(env: Env, session: string, purpose: UploadPurpose, fileName: string, bytes: Uint8Array): Promise<UploadedFile> {
  const ticket = await env.svc.startUpload({ session, purpose, fileName, size: bytes.length })
  for (let i = 0; i < ticket.chunkCount; i++) {
    const part = bytes.subarray(i * ticket.chunkSize, (i + 1) * ticket.chunkSize)
    await env.svc.uploadChunk({ session, uploadId: ticket.uploadId, index: i, data: bytesToBase64(part) })
  }
  return env.svc.finishUpload({ session, uploadId: ticket.uploadId })
}

export const OPERATOR: Person = { name: '李四', idNumber: '110108199206150032', mobile: '13910009000' }
export const ADMIN: Person = { name: '赵敏', idNumber: '33010619910817002X', mobile: '18867120002' }

/** The licence fields of a sample as the registry has them (what a careful operator confirms). */
export function fieldsOf(key: LicenseSampleKey): Record<string, string> {
  return { ...DEMO_LICENSES[key].fields }
}

export interface Flow {
  env: Env
  session: string
  app: EnterpriseApplication
}

/** Operator verified, application created, sample licence uploaded and recognised. */
export async function recognised(env: Env, key: LicenseSampleKey | 'BLURRED' | 'NOT_LICENSE', operator: Person = OPERATOR): Promise<Flow> {
  const s = await verify(env, operator)
  const app = await env.svc.createEnterpriseApplication({ session: s.token })
  const file = await upload(env, s.token, 'LICENSE', `${key}.png`, env.sb.dev.licenseSampleImage(key))
  const after = await env.svc.recognizeLicense({ session: s.token, applicationId: app.applicationId, fileId: file.fileId })
  return { env, session: s.token, app: after }
}

/** Up to ADMIN_SET with the registry's licence fields and ADMIN as administrator. */
export async function adminSet(env: Env, key: LicenseSampleKey, operator: Person = OPERATOR, admin: Person = ADMIN): Promise<Flow> {
  const f = await recognised(env, key, operator)
  await env.svc.confirmLicense({ session: f.session, applicationId: f.app.applicationId, license: fieldsOf(key) as never })
  const app = await setAdmin(env, f.session, f.app.applicationId, admin)
  return { ...f, app }
}

/** The administrator's code to their mobile, then setAdministrator with it (as the app does). */
export async function setAdmin(env: Env, session: string, applicationId: string, admin: Person = ADMIN): Promise<EnterpriseApplication> {
  await env.svc.sendAdminCode({ session, applicationId, admin })
  const smsCode = codeFor(env, mask(admin.mobile))
  return env.svc.setAdministrator({ session, applicationId, admin, smsCode })
}

/** The sandbox operations desk's key (审核台). */
export const REVIEW_KEY = REVIEW_DESK.key

/** The token of the legal-representative link in an application view. */
export function linkParts(app: EnterpriseApplication): { applicationId: string; linkToken: string } {
  const payload = app.legalRep?.payload
  if (!payload) throw new Error('no legal-rep link')
  const [, , id, token] = payload.split('.')
  return { applicationId: id, linkToken: token }
}
