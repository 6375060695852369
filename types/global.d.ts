/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test',
    TARO_ENV: 'weapp' | 'h5' | string,
    TARO_APP_ID: string
  }
}

/** Backend selection, injected at build time by config/index.ts (defineConstants). */
declare const INKSEAL_BACKEND: 'sandbox' | 'http'
declare const INKSEAL_API_BASE: string
declare const INKSEAL_LINK_HOSTS: string
