const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/entry/index', 'pages/verify/index', 'pages/overview/index', 'pages/dev/index'],
  subPackages: [
    {
      // Reading and signing a contract, and 我的合同: outside the main package, which keeps
      // only what a scan needs first (landing, real-name verification, the flow overview).
      root: 'packages/sign',
      pages: ['pages/contract/index', 'pages/sign-pad/index', 'pages/intent/index', 'pages/result/index', 'pages/mine/index', 'pages/detail/index']
    },
    {
      // Enterprise onboarding and legal-representative authorization, outside the main package.
      root: 'packages/enterprise',
      pages: ['pages/index/index', 'pages/authorize/index', 'pages/review/index']
    },
    {
      // 企业管理 of an activated enterprise: seals (drawn from its name), members, authorisations.
      root: 'packages/org',
      pages: ['pages/index/index', 'pages/seal/index', 'pages/dev/index']
    },
    {
      // 合同验签: checks a signed PDF's digital signature on the device (node-forge rides here).
      root: 'packages/verify',
      pages: ['pages/index/index']
    },
    {
      // The initiator's meeting screen (H5 on a shared screen), outside the main package.
      root: 'packages/meeting',
      pages: ['pages/screen/index']
    },
    // 会中签约发起台: a computer's browser page, H5 only (pdfjs-dist rides here, lazily)
    ...(isH5 ? [{ root: 'packages/host', pages: ['pages/console/index'] }] : [])
  ],
  // WeChat downloads the signing subpackage in the background once the landing pages show,
  // so opening the contract does not wait for it.
  preloadRule: {
    'pages/entry/index': { network: 'all', packages: ['packages/sign'] },
    'pages/overview/index': { network: 'all', packages: ['packages/sign'] },
    'pages/index/index': { network: 'all', packages: ['packages/sign'] }
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'InkSeal 电子签',
    navigationBarTextStyle: 'black'
  },
  // Album and camera are used to read signing QR codes (WeChat privacy declaration).
  __usePrivacyCheck__: true,
  // H5 page transitions make element boxes wrong mid-animation in browser tests; WeChat keeps its own.
  ...(isH5 ? { animation: false } : {})
})
