/**
 * Sandbox module: reading and signing contracts. Implements SigningOperations
 * (types.signing.ts); rules in docs/signing.md.
 *
 * State: the slice `modules.signing` of the persisted sandbox state (SigningSlice). It holds no
 * full ID or mobile numbers: people are keyed by the ID hash, SMS go to the masked mobile, the
 * signing password is stored as PBKDF2-SHA256 with a random salt, signature PNGs are stored once
 * per distinct image (content-addressed by SHA-256) within a size budget.
 */
import type { SigningDevTools, SigningOperations } from '@/services/types'
import type { SandboxKernel } from '../core/kernel'
import { signingAccess } from './access'
import { signingDev } from './dev'
import { contractOps } from './opsContract'
import { documentOps } from './opsDocument'
import { statusOps } from './opsStatus'
import { submitOps } from './opsSubmit'
import { signingRunner } from './runner'
import { signingState } from './state'
import { signingValues } from './values'
import { signingViews } from './views'

export { SIGNING_RULES, type SigningSlice } from './model'

/**
 * The signing module on a sandbox kernel. Its parts are functions of one context object, built
 * up in order: the kernel and dirty flag → slice and sequence (state.ts) → access checks
 * (access.ts) → per-flow records, seals, values, reading (values.ts) → housekeeping, views,
 * intent, audit (views.ts) → the runner: k.run with housekeeping, and the auto-play hook
 * (runner.ts). The operations (ops*.ts) and dev tools (dev.ts) take the whole context.
 */
export function signingModule(k: SandboxKernel): { ops: SigningOperations; dev: SigningDevTools } {
  const base = { k, flags: { dirty: false } }
  const c1 = { ...base, ...signingState(base) }
  const c2 = { ...c1, ...signingAccess(c1) }
  const c3 = { ...c2, ...signingValues(c2) }
  const c4 = { ...c3, ...signingViews(c3) }
  const c = { ...c4, ...signingRunner(c4) }
  const ops: SigningOperations = { ...contractOps(c), ...submitOps(c), ...statusOps(c), ...documentOps(c) }
  const dev: SigningDevTools = signingDev(c)
  // The HTTP sandbox server decides auto-play at start (off unless a demo asks for it)
  if (k.autoPlayOthers !== undefined) {
    const s = c.slice()
    s.autoPlay = k.autoPlayOthers
    if (!s.autoPlay) for (const rec of Object.values(s.flows)) rec.schedule = []
  }
  return { ops, dev }
}
