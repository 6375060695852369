/**
 * Sandbox module: the host console (会中签约 set-up from an uploaded PDF). Implements
 * HostOperations (types.host.ts); rules in docs/host.md. H5 and the HTTP sandbox only: the
 * WeChat build refuses it (src/platform/backend.weapp.ts).
 */
import { ServiceError } from '@/services/errors'
import type { HostOperations } from '@/services/types'
import type { SandboxKernel } from '../core/kernel'

export function hostModule(k: SandboxKernel): { ops: HostOperations; dev: object } {
  const notYet = () =>
    k.run('createHostedMeeting', () => {
      throw new ServiceError('UNSUPPORTED', '主持人控制台尚未开放')
    })
  const ops: HostOperations = {
    createHostedMeeting: notYet,
    getHostedMeeting: notYet,
    listHostedMeetings: notYet,
    cancelHostedMeeting: notYet
  }
  return { ops, dev: {} }
}
