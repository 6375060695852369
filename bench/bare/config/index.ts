import { defineConfig } from '@tarojs/cli'

/**
 * The bare app's build: the `taro init` default (React, webpack5), with the H5 router and
 * output names the InkSeal app uses, so the two are built the same way. BARE_OUT is the
 * output directory (scripts/bench.js sets it).
 */
export default defineConfig<'webpack5'>(() => ({
  projectName: 'inkseal-bench-bare',
  date: '2026-11-21',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: process.env.BARE_OUT || `dist/${process.env.TARO_ENV || 'weapp'}`,
  plugins: [],
  defineConstants: {},
  copy: { patterns: [], options: {} },
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  mini: {
    postcss: { pxtransform: { enable: true, config: {} } }
  },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    output: {
      filename: 'js/[name].[contenthash:8].js',
      chunkFilename: 'js/[name].[chunkhash:8].js'
    },
    miniCssExtractPluginOption: {
      ignoreOrder: true,
      filename: 'css/[name].[contenthash].css',
      chunkFilename: 'css/[name].[chunkhash].css'
    },
    postcss: { autoprefixer: { enable: true, config: {} } },
    // As in the InkSeal build: MobX resolves to its production bundle (only the bare + MobX
    // variant of bench/bare-mobx imports it)
    webpackChain(chain) {
      chain.resolve.alias.set('mobx$', require.resolve('mobx/dist/mobx.esm.production.min.js'))
    }
  }
}))
