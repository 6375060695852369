/**
 * Signing module context, last part: the operation runner (k.run with housekeeping when the
 * state changed) and the hook that lets scheduled signers sign before any operation.
 */
import type { OperationName } from '@/services/types'
import type { RunContext } from '../core/kernel'
import { hasScheduledSigners } from './signingSchedule'
import type { SigningViewsContext, signingViews } from './views'

export type SigningRunnerContext = SigningViewsContext & ReturnType<typeof signingViews>

export function signingRunner(c: SigningRunnerContext) {
  const { k, flags, slice, applyDue, prune } = c
  /** k.run, with module helpers able to mark the state changed. */
  function run<T>(op: OperationName, body: (ctx: RunContext) => T): Promise<T> {
    return k.run(op, (ctx) => {
      flags.dirty = false
      try {
        return body(ctx)
      } finally {
        if (flags.dirty) {
          prune(ctx.t)
          ctx.touch()
        }
        flags.dirty = false
      }
    })
  }

  // Scheduled signers (auto-play) sign when their time comes, whatever operation runs next,
  // so getFlow, listMyFlows and the meeting board see them too.
  k.onBeforeOperation((ctx) => {
    const s = slice()
    if (!hasScheduledSigners(s)) return
    const flows = s.flows
    flags.dirty = false
    for (const [flowId, rec] of Object.entries(flows)) {
      const flow = k.state().flows[flowId]
      if (flow && rec.schedule.length) applyDue(flow, rec, ctx.t)
    }
    if (flags.dirty) ctx.touch()
    flags.dirty = false
  })

  return { run }
}
