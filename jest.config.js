/**
 * Three jest projects:
 * - node: pure domain, services, stores and the HTTP client against a loopback server
 * - ui:   components and pages mounted with @tarojs/test-utils-react (H5 implementations, jsdom)
 * - e2e:  the built H5 app in Debian Chromium (playwright-core) and the built weapp in a
 *         stand-in WeChat host; needs `npm run build:h5` / `build:weapp` first (scripts/test.js does it)
 */
const defineJestConfig = require('@tarojs/test-utils-react/dist/jest.js').default

const taroUi = defineJestConfig({
  testMatch: ['<rootDir>/__tests__/ui/**/*.test.{ts,tsx}']
})
// Taro packages ship ES modules and must be transformed; jest's and babel's own must not.
taroUi.transformIgnorePatterns = ['/node_modules/(jest-[^/]+|@jest|babel-[^/]+|@babel|jsdom|react|react-dom|scheduler|mobx|mobx-react|mobx-react-lite)/']
// swiper (pulled in by @tarojs/components) ships .mjs
taroUi.transform = { '^.+\\.(mjs|js|jsx|ts|tsx)$': Object.values(taroUi.transform)[0] }
taroUi.moduleFileExtensions = [...taroUi.moduleFileExtensions, 'mjs']
delete taroUi.bail
delete taroUi.verbose
taroUi.setupFiles = [...require('@tarojs/test-utils-react/dist/jest/initConfig.js').default.setupFiles, '<rootDir>/__tests__/setup/taro.setup.js']

/** The sandbox (simulated backend) lives at the repo root, imported as `@sandbox` / `@sandbox/*`. */
const sandboxAlias = { '^@sandbox$': '<rootDir>/sandbox', '^@sandbox/(.*)$': '<rootDir>/sandbox/$1' }

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/__tests__/{domain,services,stores,http}/**/*.test.{ts,tsx}'],
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1', ...sandboxAlias, '^@tarojs/taro$': '<rootDir>/__tests__/setup/taroNodeStub.js' },
      setupFiles: ['<rootDir>/__tests__/setup/node.setup.js']
    },
    {
      ...taroUi,
      displayName: 'ui',
      moduleNameMapper: { ...taroUi.moduleNameMapper, '\\.css$': '<rootDir>/__tests__/setup/styleStub.js', '^@/(.*)$': '<rootDir>/src/$1', ...sandboxAlias }
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.test.ts'],
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1', ...sandboxAlias },
      setupFiles: ['<rootDir>/__tests__/setup/node.setup.js']
    }
  ]
}
