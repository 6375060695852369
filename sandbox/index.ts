/**
 * The in-process sandbox backend: e-sign flows, ID registry, SMS and face verification,
 * simulated with latency, rules, limits and expiry, deterministic under a seed.
 * See docs/sandbox.md.
 */
export { createSandbox, SANDBOX_STORAGE_KEY, SANDBOX_STATE_VERSION, DEFAULT_SEED, DEFAULT_LINK_BASE, RULES } from './SandboxService'
export type { SandboxOptions, SandboxService, SandboxFaults, OpFaults, FaultLog } from './SandboxService'
export * from './core/demoData'
