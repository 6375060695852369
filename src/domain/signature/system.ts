/**
 * System signature (系统签名): the verified name set in regular script (楷体) from the outlines
 * of one open-licence font (glyphs.ts, src/generated/kai), never a device font, so it looks
 * the same on every device.
 */

/** Longest name accepted for a system signature (characters). */
export const SYSTEM_NAME_MAX = 20

/** Pixels per em the name is set at before the image is scaled to its longest side. */
export const SYSTEM_EM_PX = 140

/** Name as it may be rendered: trimmed, inner whitespace collapsed; null when unusable. */
export function normaliseSystemName(name: string): string | null {
  const n = (name || '').replace(/\s+/g, ' ').trim()
  if (!n || Array.from(n).length > SYSTEM_NAME_MAX) return null
  return n
}
