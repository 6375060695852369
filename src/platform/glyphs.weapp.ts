import type { KaiTier } from '@/domain/signature/glyphs'

/**
 * WeChat: tier a of the font outlines (src/generated/kai: GB 2312 level 1, name hanzi, ASCII,
 * punctuation) is bundled with the code that imports this module; only the signing subpackage
 * does, so it stays out of the main package. Tier b (the rest of level 2) would push that
 * subpackage past WeChat's 2 MB, so it is not shipped: its characters are reported missing.
 */
const shards = require.context('../generated/kai', false, /^\.\/a\d+\.ts$/)

export function loadKaiShard(tier: KaiTier, shard: number): Promise<Record<string, string>> {
  if (tier !== 'a') return Promise.resolve({})
  return Promise.resolve((shards(`./a${shard}.ts`) as { GLYPHS: Record<string, string> }).GLYPHS)
}
