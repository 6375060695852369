/** Build-time configuration injected by config/index.ts (defineConstants). */
export const BACKEND: 'sandbox' | 'http' = INKSEAL_BACKEND
export const API_BASE: string = INKSEAL_API_BASE
export const LINK_HOSTS: string[] = INKSEAL_LINK_HOSTS.split(',')
  .map((h) => h.trim().toLowerCase())
  .filter(Boolean)
export const PRODUCTION_LINK_BASE = `https://${LINK_HOSTS[0] || 'sign.inkseal.cn'}`
