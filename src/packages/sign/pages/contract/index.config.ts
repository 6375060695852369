export default definePageConfig({ navigationBarTitleText: '合同阅读' })
