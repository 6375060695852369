/**
 * Sandbox module: enterprise onboarding and legal-representative authorization.
 * Implements EnterpriseOperations (types.enterprise.ts).
 */
import type { EnterpriseDevTools, EnterpriseOperations } from '../types'
import type { SandboxKernel } from './kernel'

export function enterpriseModule(_k: SandboxKernel): { ops: EnterpriseOperations; dev: EnterpriseDevTools } {
  return { ops: {}, dev: {} }
}
