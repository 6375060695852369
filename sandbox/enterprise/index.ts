/**
 * Sandbox module: enterprise onboarding and legal-representative authorization.
 * Implements EnterpriseOperations (types.enterprise.ts); rules and demo data in
 * docs/enterprise.md and enterpriseDemo.ts.
 *
 * Persisted (slice 'enterprise'): applications, uploaded-file metadata (kind, size, SHA-256,
 * the demo marker found in the bytes; never the bytes) and which credit codes were activated.
 * No full resident ID or mobile number: hashes (hash.ts) and masked forms only. Upload chunks
 * live in memory until finishUpload, and are dropped then.
 */
import type { EnterpriseDevTools, EnterpriseOperations } from '@/services/types'
import type { SandboxKernel } from '../core/kernel'
import { enterpriseDev } from './dev'
import { adminOps } from './opsAdmin'
import { applicationOps } from './opsApplication'
import { authorizationOps } from './opsAuthorization'
import { cloudOps } from './opsCloud'
import { legalRepOps } from './opsLegalRep'
import { reviewOps } from './opsReview'
import { enterpriseParties } from './parties'
import { enterpriseState } from './state'

export { ADMIN_SCOPE, ENTERPRISE_RULES, findDemoMarker, readLicense, type EnterpriseSlice } from './model'
export { activeEnterprises, findActiveEnterprise, type ActiveEnterprise } from './active'

/**
 * The enterprise module on a sandbox kernel. Its parts are functions of one context object,
 * built up in order: the kernel → uploads, slice, applications and their view (state.ts) →
 * legal-representative links and codes, files, ids (parties.ts). The operations (ops*.ts) and
 * dev tools (dev.ts) take the whole context.
 */
export function enterpriseModule(k: SandboxKernel): { ops: EnterpriseOperations; dev: EnterpriseDevTools } {
  const base = { k }
  const c1 = { ...base, ...enterpriseState(base) }
  const c = { ...c1, ...enterpriseParties(c1) }
  const ops: EnterpriseOperations = {
    ...applicationOps(c),
    ...authorizationOps(c),
    ...adminOps(c),
    ...cloudOps(c),
    ...legalRepOps(c),
    ...reviewOps(c)
  }
  const dev: EnterpriseDevTools = enterpriseDev(c)
  return { ops, dev }
}
