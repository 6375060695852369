/**
 * Sandbox module: enterprise management after activation (docs/org.md). Implements
 * OrgOperations (types.org.ts): members and seals of the enterprises the enterprise module
 * activated, their super administrator first. The signing module and the core read its slice
 * through lookup.ts (which seals a person may use; who may join for the enterprise).
 *
 * Persisted (slice 'org'): per enterprise its name, members (name, ID and mobile hashes, masked
 * forms; never the full numbers) and seals (type, text, purpose, enabled, the members granted).
 */
import type { OrgDevTools, OrgOperations } from '@/services/types'
import type { SandboxKernel } from '../core/kernel'
import { orgDev } from './dev'
import { orgOps } from './ops'
import { orgState } from './state'

export { ORG_RULES } from './state'
export type { OrgSlice } from './lookup'

export function orgModule(k: SandboxKernel): { ops: OrgOperations; dev: OrgDevTools } {
  const base = { k }
  const c = { ...base, ...orgState(base) }
  return { ops: orgOps(c), dev: orgDev(c) }
}
