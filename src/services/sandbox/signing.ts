/**
 * Sandbox module: reading and signing contracts. Implements SigningOperations (types.signing.ts).
 */
import type { SigningDevTools, SigningOperations } from '../types'
import type { SandboxKernel } from './kernel'

export function signingModule(_k: SandboxKernel): { ops: SigningOperations; dev: SigningDevTools } {
  return { ops: {}, dev: {} }
}
