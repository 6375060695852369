export default definePageConfig({ navigationBarTitleText: '意愿认证' })
