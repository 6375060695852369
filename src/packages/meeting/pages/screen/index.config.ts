export default definePageConfig({ navigationBarTitleText: '签约会议大屏' })
