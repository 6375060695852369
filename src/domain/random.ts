/**
 * The one pseudo-random generator of the project (pure TypeScript, no Taro/React): the sandbox's
 * codes, tokens and latency, the fault injector's draws, test fuzzers and fixtures all use it.
 *
 * mulberry32: a small, fast 32-bit PRNG. Its whole state is one uint32, so it can be persisted
 * with the sandbox state and a reload continues the same sequence.
 */
export interface Rng {
  /** A float in [0, 1) */
  next(): number
  /** The current state (uint32), to persist */
  readonly state: number
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return {
    next(): number {
      a = (a + 0x6d2b79f5) >>> 0
      let t = a
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    },
    get state(): number {
      return a
    }
  }
}

/** The same generator as a plain function (a drop-in for `Math.random`). */
export function randomFn(seed: number): () => number {
  const rng = mulberry32(seed)
  return () => rng.next()
}

/** Derives an independent stream seed from a base seed (so latency draws never shift codes). */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * A stream seeded by a string (FNV-1a of the string, then murmur3's finaliser step per draw).
 * Kept bit-for-bit as the sandbox's demo licence images were drawn with it (their bar widths),
 * so the sample images stay byte-identical.
 */
export function stringStream(seed: string): () => number {
  let h = 2166136261
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619)
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507)
    h = Math.imul(h ^ (h >>> 13), 3266489909)
    h ^= h >>> 16
    return (h >>> 0) / 4294967296
  }
}

/** An integer in [min, max] (inclusive). */
export function randomInt(rng: Rng, min: number, max: number): number {
  if (max <= min) return min
  return min + Math.floor(rng.next() * (max - min + 1))
}

export const TOKEN_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function randomString(rng: Rng, length: number, alphabet: string = TOKEN_ALPHABET): string {
  let s = ''
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)]
  return s
}

export function randomDigits(rng: Rng, length: number): string {
  return randomString(rng, length, '0123456789')
}
