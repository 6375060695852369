import { fetchRequest } from '@/services/http/fetchRequest'
import type { RequestFn } from '@/services/http/HttpService'

/**
 * The HTTP client's transport in a browser: the browser's own fetch and AbortController
 * (services/http/fetchRequest.ts, also what Node tests use). Taro.request on H5 would add
 * whatwg-fetch, an AbortController polyfill and JSONP (≈ 32 KB raw) for browsers that have
 * fetch anyway.
 */
export const platformRequest: RequestFn = fetchRequest
