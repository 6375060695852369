export default definePageConfig({ navigationBarTitleText: '合同概览' })
