/**
 * WeChat: the outlines (src/generated/kai) are bundled with the code that imports this module;
 * only the signing subpackage does, so they stay out of the main package.
 */
const shards = require.context('../generated/kai', false, /^\.\/s\d+\.ts$/)

export function loadKaiShard(shard: number): Promise<Record<string, string>> {
  return Promise.resolve((shards(`./s${shard}.ts`) as { GLYPHS: Record<string, string> }).GLYPHS)
}
