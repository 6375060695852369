/**
 * Type anchor for the platform feature flags: Taro resolves features.h5.ts or features.weapp.ts
 * in builds; tsc and jest see the H5 one.
 */
export * from './features.h5'
