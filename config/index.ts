import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Build-time switches (environment variables):
 * - INKSEAL_BACKEND: 'sandbox' (default, the in-process simulated backend) or 'http'
 * - INKSEAL_API_BASE: base URL of the HTTP backend, used when INKSEAL_BACKEND=http
 * - INKSEAL_LINK_HOSTS: comma-separated hosts whose signing links the QR entry accepts,
 *   besides the page's own origin on H5 (default: sign.inkseal.cn)
 * - INKSEAL_DEV_TOOLS=1: with INKSEAL_BACKEND=http, the backend is the sandbox server: the
 *   developer panel reads its /api/dev endpoints (`npm start` and the tests' dist/h5-http set it)
 * - INKSEAL_SOURCEMAP=1: write source maps in production builds (scripts/bundle-report.js uses
 *   them to attribute bytes to modules)
 */
const sandboxDir = path.resolve(__dirname, '..', 'sandbox')
const backend = process.env.INKSEAL_BACKEND === 'http' ? 'http' : 'sandbox'
const sourceMaps = process.env.INKSEAL_SOURCEMAP === '1' ? { enableSourceMap: true, sourceMapType: 'source-map' as const } : {}

/**
 * Production builds take MobX's own minified production bundle (no development checks or
 * messages): 58 KB where its development-capable ESM entry minified to 70 KB on H5.
 */
function applyMobxProductionBuild(chain: { resolve: { alias: { set(k: string, v: string): unknown } } }): void {
  if (process.env.NODE_ENV === 'development') return
  chain.resolve.alias.set('mobx$', require.resolve('mobx/dist/mobx.esm.production.min.js'))
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'inkseal',
    date: '2026-11-21',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    // The simulated backend lives outside src/ (sandbox/ at the repo root): its alias, and its
    // files compiled like src's (Taro's script rule only includes sourceRoot by default)
    alias: { '@sandbox': sandboxDir },
    // INKSEAL_OUT lets parallel builds (tests, benchmarks) write elsewhere than dist/<platform>
    outputRoot: process.env.INKSEAL_OUT || `dist/${process.env.TARO_ENV || 'weapp'}`,
    plugins: [],
    defineConstants: {
      INKSEAL_BACKEND: JSON.stringify(backend),
      INKSEAL_API_BASE: JSON.stringify(process.env.INKSEAL_API_BASE || ''),
      INKSEAL_LINK_HOSTS: JSON.stringify(process.env.INKSEAL_LINK_HOSTS || 'sign.inkseal.cn'),
      INKSEAL_DEV_TOOLS: JSON.stringify(backend === 'http' && process.env.INKSEAL_DEV_TOOLS === '1' ? '1' : '')
    },
    copy: { patterns: [], options: {} },
    // Taro's mini-program default escapes every non-ASCII character (\uXXXX: 6 bytes where
    // UTF-8 takes 3), which made the Chinese texts of the main package take twice their size.
    // WeChat reads package files as UTF-8; terser still escapes U+2028/U+2029 in strings.
    // (H5's default already keeps UTF-8.)
    terser: { enable: true, config: { output: { ascii_only: false } } },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      ...sourceMaps,
      compile: { include: [sandboxDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        applyMobxProductionBuild(chain)
      }
    },
    h5: {
      ...sourceMaps,
      compile: { include: [sandboxDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      devServer: { port: 10086, historyApiFallback: true },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[chunkhash].css'
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        applyMobxProductionBuild(chain)
        // pdf-lib's standard-fonts ES build comes out of the H5 minifier as a named function
        // expression whose name is then used outside it ("Encoding is not defined"); its CommonJS
        // build does not
        chain.resolve.alias.set('@pdf-lib/standard-fonts$', require.resolve('@pdf-lib/standard-fonts/lib/index.js'))
        // pdfjs-dist (the host console's PDF renderer, chunks "pdfjs*") ships minified, with
        // private class fields that Taro's H5 terser settings (quote_keys) turn into a syntax
        // error (`static#"t"`): its chunks are left as shipped
        const minimizers = (chain.optimization as unknown as { minimizers: { has(name: string): boolean } }).minimizers
        if (minimizers.has('terserPlugin')) {
          chain.optimization.minimizer('terserPlugin').tap((args: Array<Record<string, unknown>>) => [{ ...args[0], exclude: /pdfjs/ }])
        }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
