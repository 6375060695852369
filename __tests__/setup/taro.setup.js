// @tarojs/taro must load first, or every suite fails with "reading 'history'" (import cycle).
require('@tarojs/taro')
require('jest-canvas-mock')
global.INKSEAL_BACKEND = 'sandbox'
global.INKSEAL_API_BASE = ''
global.INKSEAL_LINK_HOSTS = 'sign.inkseal.cn'
global.INKSEAL_DEV_TOOLS = ''
