/**
 * H5: each shard of the system-signature outlines (src/generated/kai) is a chunk of its own,
 * fetched when a name needs it.
 */
export function loadKaiShard(shard: number): Promise<Record<string, string>> {
  return import(/* webpackChunkName: "kai-[request]" */ `../generated/kai/s${shard}`).then((m) => m.GLYPHS)
}
