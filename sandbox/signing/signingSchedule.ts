/**
 * Whether the signing module's persisted slice holds scheduled signers (auto-play: the other
 * signers of a demo flow sign a few seconds after someone signs). Its own module so that the
 * sandbox core can tell, without loading the signing module, that the module has work to do
 * before the next operation (onDemand.ts); the module's hook uses the same test.
 */
export function hasScheduledSigners(slice: unknown): boolean {
  const flows = (slice as { flows?: Record<string, { schedule?: unknown[] }> } | undefined)?.flows
  if (!flows || typeof flows !== 'object') return false
  return Object.values(flows).some((f) => Array.isArray(f?.schedule) && f.schedule.length > 0)
}
