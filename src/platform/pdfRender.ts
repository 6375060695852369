/**
 * Type anchor for the host console's PDF renderer: Taro resolves pdfRender.h5.ts (pdfjs-dist)
 * or pdfRender.weapp.ts (refuses) in builds; tsc and jest see the H5 one.
 */
export * from './pdfRender.h5'
