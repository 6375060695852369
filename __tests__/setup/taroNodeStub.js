// The node jest project runs without Taro's runtime (its packages are ES modules for bundlers).
// Code that defaults to Taro APIs gets this stand-in; tests inject what they need
// (e.g. fetchRequest for the HTTP client) or jest.mock('@tarojs/taro') themselves.
function unavailable(name) {
  return () => {
    throw new Error(`Taro.${name} is not available in the node test project; inject it`)
  }
}
const Taro = { request: unavailable('request'), getStorageSync: unavailable('getStorageSync'), setStorageSync: unavailable('setStorageSync') }
module.exports = { __esModule: true, default: Taro, ...Taro }
