/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5' | string
    TARO_APP_ID: string
  }
}

/** Backend selection, injected at build time by config/index.ts (defineConstants). */
declare const INKSEAL_BACKEND: 'sandbox' | 'http'
declare const INKSEAL_API_BASE: string
declare const INKSEAL_LINK_HOSTS: string
/** '1' when an HTTP build talks to the sandbox server (its /api/dev endpoints), else '' */
declare const INKSEAL_DEV_TOOLS: string

/** qrcode's pure core (no canvas, no Buffer): the module matrix of a QR code. */
declare module 'qrcode/lib/core/qrcode' {
  interface Segment {
    data: Uint8Array | string
    mode: 'byte' | 'alphanumeric' | 'numeric' | 'kanji'
  }
  export function create(
    data: string | Segment[],
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; version?: number }
  ): { version: number; modules: { size: number; get(row: number, col: number): number | boolean } }
}

/** pdfjs-dist's worker module (loaded as a fallback "fake worker" by src/platform/pdfRender.h5.ts) */
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown
}

/** pdfjs-dist's minified legacy build (typed as `pdfjs-dist` where it is used) */
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs'
