import type { KaiTier } from '@/domain/signature/glyphs'

/**
 * H5: each shard of the font outlines (src/generated/kai, both tiers) is a chunk of its own,
 * fetched when a text needs it. The chunks have no names: every async chunk adds an entry to
 * the chunk map in the landing route's runtime, and names would make each one longer.
 */
export function loadKaiShard(tier: KaiTier, shard: number): Promise<Record<string, string>> {
  return import(/* webpackInclude: /[ab]\d+\.ts$/ */ `../generated/kai/${tier}${shard}`).then((m) => m.GLYPHS)
}
