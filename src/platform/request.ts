/**
 * Type anchor for the HTTP transport: Taro resolves request.weapp.ts or request.h5.ts in
 * builds; tsc and jest see the H5 one.
 */
export { platformRequest } from './request.h5'
