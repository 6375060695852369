export default definePageConfig({ navigationBarTitleText: '签署结果' })
