export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [{ root: 'sub', pages: ['pages/index/index'] }],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'Bare',
    navigationBarTextStyle: 'black'
  },
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {})
})
