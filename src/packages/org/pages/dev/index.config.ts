export default definePageConfig({ navigationBarTitleText: '企业印章合同（沙箱）' })
