export default definePageConfig({ navigationBarTitleText: 'InkSeal 电子签' })
