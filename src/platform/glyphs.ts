/**
 * Type anchor for loading the system-signature outlines: Taro resolves glyphs.weapp.ts or
 * glyphs.h5.ts in builds; tsc and jest see the H5 one.
 */
import type * as H5 from './glyphs.h5'
import type * as Weapp from './glyphs.weapp'

export * from './glyphs.h5'

type Assert<T extends true> = T
/** Compile-time check that both platform files export the same API. */
export type SameGlyphsApi = Assert<typeof Weapp extends typeof H5 ? (typeof H5 extends typeof Weapp ? true : false) : false>
