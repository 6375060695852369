/**
 * Type anchor for the platform adapter. Taro's multi-platform resolution replaces this module
 * with adapter.weapp.ts or adapter.h5.ts in builds; tsc and jest (which test the H5
 * implementations) see the H5 one.
 */
export { adapter } from './adapter.h5'
