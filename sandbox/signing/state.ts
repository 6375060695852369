/**
 * Signing module, part 1 of its context: the slice `modules.signing` of the sandbox state,
 * the dirty flag (`mark`; the runner reads it) and sequence numbers. Composed in index.ts.
 */
import type { SandboxKernel } from '../core/kernel'
import { type SigningSlice, initSlice } from './model'

export type SigningStateContext = { k: SandboxKernel; flags: { dirty: boolean } }

export function signingState(c: SigningStateContext) {
  const { k, flags } = c
  // (the dirty flag is the context's `flags.dirty`)
  const mark = () => void (flags.dirty = true)

  function slice(): SigningSlice {
    const s = k.module<SigningSlice>('signing', initSlice)
    if (s.v !== 1 || !s.flows) Object.assign(s, initSlice())
    return s
  }

  function nextSeq(): number {
    const s = slice()
    s.seq += 1
    return s.seq
  }

  return { mark, slice, nextSeq }
}
