// Build-time constants that config/index.ts injects into app bundles.
global.INKSEAL_BACKEND = 'sandbox'
global.INKSEAL_API_BASE = ''
global.INKSEAL_LINK_HOSTS = 'sign.inkseal.cn'
global.INKSEAL_DEV_TOOLS = ''
