export default definePageConfig({ navigationBarTitleText: '法定代表人授权' })
