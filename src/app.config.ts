const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: [
    'pages/index/index'
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'InkSeal 电子签',
    navigationBarTextStyle: 'black'
  },
  // H5 page transitions make element boxes wrong mid-animation in browser tests; WeChat keeps its own.
  ...(isH5 ? { animation: false } : {})
})
