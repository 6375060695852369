/**
 * Type anchor for the sandbox loader: Taro resolves backend.weapp.ts or backend.h5.ts in
 * builds; tsc and jest see the H5 one.
 */
export { loadSandbox } from './backend.h5'
