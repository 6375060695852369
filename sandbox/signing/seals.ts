/**
 * The seals the signing module knows: the demo enterprises' (signingDemo.ts, who may use them
 * there and in the `grants` of dev.authoriseSeal) and those the super administrators of
 * enterprises activated in the sandbox made (the org module's slice, read through
 * org/lookup.ts). One shape for both, drawn from its data.
 */
import type { SealSpec } from '@/domain/seal/geometry'
import type { SealType } from '@/services/types'
import type { SandboxState } from '../core/state'
import { orgSealById, orgSealsUsable } from '../org/lookup'
import { sealSpecOf } from './model'
import { demoSeal, sealCreditCode, sealEnterpriseName, type DemoSeal } from './signingDemo'

export interface UsableSeal {
  sealId: string
  sealType: SealType
  enterpriseName: string
  creditCode: string
  spec: SealSpec & { color: string }
  /** False for a seal its enterprise's administrator disabled */
  enabled: boolean
}

export function fromDemo(s: DemoSeal): UsableSeal {
  return { sealId: s.sealId, sealType: s.sealType, enterpriseName: sealEnterpriseName(s), creditCode: sealCreditCode(s), spec: sealSpecOf(s), enabled: true }
}

/** Any seal by id (a disabled one too: values sealed with it are still drawn). */
export function sealById(state: SandboxState, sealId: string | undefined): UsableSeal | null {
  if (!sealId) return null
  const demo = demoSeal(sealId)
  if (demo) return fromDemo(demo)
  const hit = orgSealById(state, sealId)
  if (!hit) return null
  const { org, seal } = hit
  return {
    sealId: seal.sealId,
    sealType: seal.sealType,
    enterpriseName: org.name,
    creditCode: org.creditCode,
    spec: { text: seal.text, purpose: seal.purpose, color: '#d0021b' },
    enabled: seal.enabled
  }
}

/** The enabled seals of an activated enterprise the person is authorised to use. */
export function orgSealsFor(state: SandboxState, creditCode: string, idHash: string): UsableSeal[] {
  return orgSealsUsable(state, creditCode, idHash).map(({ seal }) => sealById(state, seal.sealId) as UsableSeal)
}
