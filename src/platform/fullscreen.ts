/**
 * Type anchor for the full-screen switch: Taro resolves fullscreen.h5.ts or fullscreen.weapp.ts
 * in builds; tsc and jest see the H5 one.
 */
export * from './fullscreen.h5'
