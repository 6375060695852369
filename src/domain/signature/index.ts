/**
 * Handwritten signature: pure modules (no Taro, React or DOM). See docs/signature-pad.md.
 */
export * from './types'
export * from './width'
export * from './bezier'
export * from './geometry'
export * from './render'
export * from './quality'
export * from './serialize'
export * from './system'
export * from './glyphs'
export * from './host'
export * from './export'
export { SignaturePadCore, type PadChange, type SignaturePadCoreOptions } from './SignaturePadCore'
