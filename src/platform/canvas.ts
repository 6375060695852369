/**
 * Type anchor for the signature pad's canvas platform layer. Taro's multi-platform resolution
 * replaces this module with canvas.weapp.ts or canvas.h5.ts in builds; tsc and jest (which
 * test the H5 implementations) see the H5 one.
 */
import type * as H5 from './canvas.h5'
import type * as Weapp from './canvas.weapp'

export * from './canvas.h5'

type Api<T> = Omit<T, 'CANVAS_PLATFORM'>
type Assert<T extends true> = T
/** Compile-time check that both platform files export the same API. */
export type SameCanvasApi = Assert<Api<typeof Weapp> extends Api<typeof H5> ? (Api<typeof H5> extends Api<typeof Weapp> ? true : false) : false>
