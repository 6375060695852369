export default definePageConfig({ navigationBarTitleText: '合同验签' })
