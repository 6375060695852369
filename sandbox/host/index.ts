/**
 * Sandbox module: the host console (会中签约 set-up from an uploaded PDF). Implements
 * HostOperations (types.host.ts); rules in docs/host.md. H5 and the HTTP sandbox only: the
 * WeChat build refuses it (src/platform/backend.weapp.ts).
 *
 * State: no slice of its own. A hosted meeting is a core MeetingRecord with `hosted` (the host's
 * ID hash, times, screen layout, invites) and one core FlowRecord with `hosted` (the uploaded
 * pages and the placed fields), which the signing module reads like any flow. The PDF, the page
 * images and the screen's images are blobs (core/blobs.ts), referred to by SHA-256, never in
 * the persisted JSON.
 */
import type { HostOperations } from '@/services/types'
import type { SandboxKernel } from '../core/kernel'
import { installHostedContracts } from '../signing/hostedContract'
import { hostOps } from './opsHost'

export { installHostedContracts }

export function hostModule(k: SandboxKernel): { ops: HostOperations; dev: object } {
  // the signing module reads the flows this module makes
  installHostedContracts()
  return { ops: hostOps(k), dev: {} }
}
