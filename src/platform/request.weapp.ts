import Taro from '@tarojs/taro'
import type { RequestFn } from '@/services/http/HttpService'

/** The HTTP client's transport on WeChat: wx.request through Taro. */
// Called directly (not Taro['request']): the API transform only rewrites direct calls.
export const platformRequest: RequestFn = (options) =>
  Taro.request({
    url: options.url,
    method: options.method,
    data: options.data,
    header: options.header,
    timeout: options.timeout,
    dataType: options.dataType
  }) as unknown as ReturnType<RequestFn>
