/**
 * Read-only seal look-ups into the org module's slice, for the signing module (which seals may
 * this person use?). Without the module's operations: signing uses it whether or not the org
 * module has been loaded (on the app it loads on demand).
 */
import type { SandboxState } from '../core/state'
import { orgByCode, orgMember, orgSliceOf, type OrgRecord, type OrgSealRecord } from './members'

export * from './members'

/** A seal of an enterprise activated in the sandbox, with its enterprise. */
export function orgSealById(state: SandboxState, sealId: string): { org: OrgRecord; seal: OrgSealRecord } | null {
  const s = orgSliceOf(state)
  if (!s || !sealId.startsWith('ORG-')) return null
  for (const org of Object.values(s.orgs)) {
    const seal = org.seals.find((x) => x.sealId === sealId)
    if (seal) return { org, seal }
  }
  return null
}

/** Whether the person may seal with it now: enabled, and they are a member it is granted to. */
export function orgSealUsableBy(org: OrgRecord, seal: OrgSealRecord, idHash: string): boolean {
  const m = orgMember(org, idHash)
  return seal.enabled && !!m && seal.grants.includes(m.memberId)
}

/** The enterprise's seals the person may use now. */
export function orgSealsUsable(state: SandboxState, creditCode: string | null, idHash: string): { org: OrgRecord; seal: OrgSealRecord }[] {
  const org = orgByCode(state, creditCode)
  if (!org) return []
  return org.seals.filter((s) => orgSealUsableBy(org, s, idHash)).map((seal) => ({ org, seal }))
}
