export default definePageConfig({ navigationBarTitleText: '签署码核验' })
