export default definePageConfig({
  navigationBarTitleText: '手写签名',
  // WeChat turns the page to landscape; H5 emulates it on portrait screens (see index.tsx)
  pageOrientation: 'landscape',
  // the page never scrolls while writing
  disableScroll: true
})
