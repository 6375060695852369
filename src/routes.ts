/** Page paths and their query parameters, in one place. */
export const routes = {
  home: '/pages/index/index',
  entry: (link: string) => `/pages/entry/index?link=${encodeURIComponent(link)}`,
  verify: (flowId?: string) => `/pages/verify/index${flowId ? `?flowId=${encodeURIComponent(flowId)}` : ''}`,
  overview: (flowId: string) => `/pages/overview/index?flowId=${encodeURIComponent(flowId)}`,
  dev: '/pages/dev/index'
}
