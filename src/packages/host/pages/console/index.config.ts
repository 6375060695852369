export default definePageConfig({ navigationBarTitleText: '会中签约发起台' })
