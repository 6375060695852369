import type { KaiTier } from '@/domain/signature/glyphs'

/**
 * H5: each shard of the font outlines (src/generated/kai, both tiers) is a chunk of its own,
 * fetched when a text needs it.
 */
export function loadKaiShard(tier: KaiTier, shard: number): Promise<Record<string, string>> {
  return import(/* webpackChunkName: "kai-[request]", webpackInclude: /[ab]\d+\.ts$/ */ `../generated/kai/${tier}${shard}`).then((m) => m.GLYPHS)
}
