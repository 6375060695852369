/**
 * Type anchor for the PDF engine loader: Taro resolves pdfEngine.weapp.ts or pdfEngine.h5.ts in
 * builds; tsc, jest and the sandbox server (tsx) see the H5 one.
 */
export * from './pdfEngine.h5'
