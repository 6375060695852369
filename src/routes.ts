/**
 * Page paths and their query parameters, in one place. Reading and signing live in the
 * packages/sign subpackage (downloaded in advance from the landing pages: app.config.ts).
 */
export const routes = {
  home: '/pages/index/index',
  entry: (link: string) => `/pages/entry/index?link=${encodeURIComponent(link)}`,
  verify: (flowId?: string) => `/pages/verify/index${flowId ? `?flowId=${encodeURIComponent(flowId)}` : ''}`,
  overview: (flowId: string) => `/pages/overview/index?flowId=${encodeURIComponent(flowId)}`,
  dev: '/pages/dev/index',
  contract: (flowId: string) => `/packages/sign/pages/contract/index?flowId=${encodeURIComponent(flowId)}`,
  signPad: (opts: { allowSystem?: boolean; name?: string; system?: boolean } = {}) =>
    `/packages/sign/pages/sign-pad/index${opts.allowSystem ? `?allowSystem=1&name=${encodeURIComponent(opts.name ?? '')}${opts.system ? '&mode=system' : ''}` : ''}`,
  intent: (flowId: string) => `/packages/sign/pages/intent/index?flowId=${encodeURIComponent(flowId)}`,
  result: (flowId: string) => `/packages/sign/pages/result/index?flowId=${encodeURIComponent(flowId)}`,
  mine: '/packages/sign/pages/mine/index',
  verifyPdf: '/packages/verify/pages/index/index',
  detail: (flowId: string) => `/packages/sign/pages/detail/index?flowId=${encodeURIComponent(flowId)}`,
  /** 会中签约发起台 (H5 only: platform/features.ts HOST_CONSOLE) */
  host: '/packages/host/pages/console/index',
  meetingScreen: (meetingId: string, boardKey: string) =>
    `/packages/meeting/pages/screen/index?m=${encodeURIComponent(meetingId)}&k=${encodeURIComponent(boardKey)}`,
  org: (creditCode?: string) => `/packages/org/pages/index/index${creditCode ? `?c=${encodeURIComponent(creditCode)}` : ''}`,
  orgDev: '/packages/org/pages/dev/index',
  orgSeal: (creditCode: string, sealId: string) => `/packages/org/pages/seal/index?c=${encodeURIComponent(creditCode)}&s=${encodeURIComponent(sealId)}`
}
