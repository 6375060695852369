/**
 * Type anchor for picking and reading files. Taro's multi-platform resolution replaces this
 * module with files.weapp.ts or files.h5.ts in builds; tsc and jest see the H5 one.
 */
export * from './files.h5'
