/**
 * Byte-string helpers for scanning PDF files (Latin-1: one char per byte); forward search is
 * fileType.ts's indexOfBytes.
 */

export const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

export const dec = (b: Uint8Array): string => String.fromCharCode.apply(null, Array.from(b))

export function lastIndexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = hay.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}
