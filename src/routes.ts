/** Page paths and their query parameters, in one place. */
export const routes = {
  home: '/pages/index/index',
  entry: (link: string) => `/pages/entry/index?link=${encodeURIComponent(link)}`,
  verify: (flowId?: string) => `/pages/verify/index${flowId ? `?flowId=${encodeURIComponent(flowId)}` : ''}`,
  overview: (flowId: string) => `/pages/overview/index?flowId=${encodeURIComponent(flowId)}`,
  dev: '/pages/dev/index',
  contract: (flowId: string) => `/pages/contract/index?flowId=${encodeURIComponent(flowId)}`,
  signPad: (opts: { allowSystem?: boolean; name?: string; system?: boolean } = {}) =>
    `/pages/sign-pad/index${opts.allowSystem ? `?allowSystem=1&name=${encodeURIComponent(opts.name ?? '')}${opts.system ? '&mode=system' : ''}` : ''}`,
  intent: (flowId: string) => `/pages/intent/index?flowId=${encodeURIComponent(flowId)}`,
  result: (flowId: string) => `/pages/result/index?flowId=${encodeURIComponent(flowId)}`,
  mine: '/pages/mine/index',
  detail: (flowId: string) => `/pages/detail/index?flowId=${encodeURIComponent(flowId)}`
}
