/** One colour per signer (by position), for their fields and their card. */
export const SIGNER_COLORS = ['#2b6de5', '#e5572b', '#1f8a4c', '#8a3ffc', '#c28a00', '#0a8f9e']

export function signerColor(index: number): string {
  return SIGNER_COLORS[((index % SIGNER_COLORS.length) + SIGNER_COLORS.length) % SIGNER_COLORS.length]
}
