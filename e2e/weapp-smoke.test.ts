/**
 * Smoke test of the BUILT weapp output in a stand-in WeChat host (e2e/support/weappHost.ts).
 *
 *   npm run build:weapp && npx jest --selectProjects e2e e2e/weapp-smoke.test.ts
 *
 * Env:
 *   INKSEAL_WEAPP_DIR             build folder to test (default dist/weapp, relative to the repo root)
 *   INKSEAL_WEAPP_SMOKE_VERBOSE=1 print every host log line (wx calls not emulated, page console output)
 *
 * Per page listed in app.json (main package and every subpackage): the files exist, the page
 * registers with Page()/Component(), it loads and first-renders with no uncaught error (a
 * browser-only global such as window/document/localStorage is a ReferenceError here), and the
 * first render shows the page's title (its navigationBarTitleText, else app.json's).
 * Plus: App() is registered, and every package is under WeChat's 2 MB limit.
 */
import * as fs from 'fs'
import * as path from 'path'
import {
  ConsoleLine,
  formatHostErrors,
  listPages,
  packageSizes,
  pageTitle,
  readAppJson,
  readJson,
  SmokeResult,
  smokePage,
  WeappHost
} from './support/weappHost'

const REPO_ROOT = path.resolve(__dirname, '..')
const BUILD_DIR = path.resolve(REPO_ROOT, process.env.INKSEAL_WEAPP_DIR || 'dist/weapp')
const VERBOSE = !!process.env.INKSEAL_WEAPP_SMOKE_VERBOSE
const PACKAGE_LIMIT = 2 * 1024 * 1024
const TOTAL_LIMIT = 30 * 1024 * 1024
const HOOK_TIMEOUT = 30_000

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const norm = (s: string) => s.replace(/\s+/g, ' ').trim()
const hostLog = VERBOSE ? (line: string) => process.stdout.write(line + '\n') : undefined

function consoleTail(lines: ConsoleLine[], n = 10): string {
  const picked = lines.filter((l) => l.level === 'error' || l.level === 'warn').slice(-n)
  if (!picked.length) return ''
  return (
    '\nconsole.error/warn from the build (last ' +
    picked.length +
    '):\n' +
    // no stack lines: a line starting with "at " makes jest treat the rest of the message as a stack
    picked
      .map(
        (l) =>
          `  [${l.level} during ${l.phase}] ${l.text
            .split('\n')
            .filter((x) => !/^\s*at /.test(x))
            .slice(0, 3)
            .join(' / ')}`
      )
      .join('\n')
  )
}

if (!fs.existsSync(path.join(BUILD_DIR, 'app.json'))) {
  test('weapp build output is present', () => {
    throw new Error(
      `No weapp build at ${BUILD_DIR} (app.json not found).\n` +
        'Run `npm run build:weapp` first (or point INKSEAL_WEAPP_DIR at a build folder, e.g. one built with ' +
        '`INKSEAL_OUT=/tmp/weapp npx taro build --type weapp`).'
    )
  })
} else {
  const appJson = readAppJson(BUILD_DIR)
  const pages = listPages(appJson)
  /** per page: wx APIs called that the stand-in does not emulate, and host warnings */
  const notes: string[] = []

  afterAll(() => {
    if (notes.length) {
      console.info(`weapp stand-in notes (${BUILD_DIR}):\n` + notes.map((n) => '  ' + n).join('\n'))
    }
  })

  describe('weapp build output', () => {
    test('app.json lists at least one page', () => {
      expect(pages.length).toBeGreaterThan(0)
    })

    test.each(pages.map((p) => [p.route]))('%s has .js, .json and .wxml, and its custom components exist', (route) => {
      const missing: string[] = []
      for (const ext of ['js', 'json', 'wxml']) {
        if (!fs.existsSync(path.join(BUILD_DIR, `${route}.${ext}`))) missing.push(`${route}.${ext}`)
      }
      const jsonFile = path.join(BUILD_DIR, `${route}.json`)
      const using: Record<string, string> = {
        ...(appJson.usingComponents || {}),
        ...(fs.existsSync(jsonFile) ? readJson(jsonFile).usingComponents || {} : {})
      }
      for (const [tag, ref] of Object.entries(using)) {
        if (/^plugin(-private)?:\/\//.test(ref)) continue
        const base = ref.startsWith('/') ? path.join(BUILD_DIR, ref) : path.resolve(path.dirname(jsonFile), ref)
        for (const ext of ['js', 'json', 'wxml']) {
          const f = `${base}.${ext}`
          if (!fs.existsSync(f)) missing.push(`${path.relative(BUILD_DIR, f)} (component <${tag}>)`)
        }
      }
      if (missing.length) throw new Error(`${route}: missing files in ${BUILD_DIR}:\n  ${missing.join('\n  ')}`)
    })

    test('every package is under 2 MB (and all together under 30 MB)', () => {
      const sizes = packageSizes(BUILD_DIR, appJson)
      const over = sizes.filter((p) => p.bytes > PACKAGE_LIMIT)
      const total = sizes.reduce((s, p) => s + p.bytes, 0)
      const problems = over.map(
        (p) =>
          `${p.name} package is ${kb(p.bytes)} (limit 2048 KB); largest files:\n` +
          p.files
            .slice(0, 8)
            .map((f) => `      ${kb(f.bytes).padStart(10)}  ${f.file}`)
            .join('\n')
      )
      if (total > TOTAL_LIMIT) problems.push(`all packages together are ${kb(total)} (limit 30 MB)`)
      if (problems.length) throw new Error('Package size limits exceeded:\n  ' + problems.join('\n  '))
    })
  })

  describe('stand-in WeChat host', () => {
    test(
      'app.js loads, registers App() and launches without uncaught errors',
      async () => {
        const host = new WeappHost({ buildDir: BUILD_DIR, log: hostLog })
        await host.loadApp()
        if (host.errors.length) {
          throw new Error(`app.js: ${host.errors.length} uncaught error(s) at launch:\n${formatHostErrors(host.errors)}${consoleTail(host.consoleLines)}`)
        }
        expect(host.app).toBeTruthy()
      },
      HOOK_TIMEOUT
    )
  })

  describe.each(pages.map((p) => [p.route]))('page %s', (route) => {
    const { title, source } = pageTitle(BUILD_DIR, appJson, route)
    let result: SmokeResult

    beforeAll(async () => {
      result = await smokePage(BUILD_DIR, route, { log: hostLog })
      const { host } = result
      const bits = [
        host.notEmulated.length ? `wx APIs not emulated: ${host.notEmulatedSummary()}` : '',
        host.warnings.length ? `warnings: ${host.warnings.join('; ')}` : ''
      ].filter(Boolean)
      if (bits.length) notes.push(`${route}: ${bits.join(' | ')}`)
    }, HOOK_TIMEOUT)

    test('registers with Page() or Component()', () => {
      const { host, appRegistered, run } = result
      if (!appRegistered) {
        throw new Error(`${route}: not opened: app.js did not register App() (see the app.js test and this page's "no uncaught error" test)`)
      }
      if (!run.registered) {
        throw new Error(
          `${route}: evaluating ${route}.js did not call Page() or Component()` + (host.errors.length ? `:\n${formatHostErrors(host.errors)}` : '')
        )
      }
    })

    test('loads and first-renders with no uncaught error (no window/document/localStorage...)', () => {
      const { host } = result
      if (host.errors.length) {
        throw new Error(
          `${route}: ${host.errors.length} uncaught error(s) while loading or first-rendering in the stand-in WeChat host:\n` +
            formatHostErrors(host.errors) +
            consoleTail(host.consoleLines)
        )
      }
    })

    test(`first render shows its title${title ? ` "${title}"` : ''}`, () => {
      const { host, appRegistered, run } = result
      if (!appRegistered) {
        throw new Error(`${route}: not opened: app.js did not register App() (see the app.js test and this page's "no uncaught error" test)`)
      }
      if (!title) {
        throw new Error(`${route}: no title to look for: neither ${route}.json nor app.json window sets navigationBarTitleText`)
      }
      if (!run.rendered) {
        throw new Error(
          `${route}: the page never completed a first render (no setData callback)` +
            (host.errors.length ? `; uncaught errors:\n${formatHostErrors(host.errors)}` : '') +
            consoleTail(host.consoleLines)
        )
      }
      const texts = run.texts.map(norm).filter(Boolean)
      const joined = norm(run.texts.join(''))
      if (!texts.some((t) => t.includes(norm(title))) && !joined.includes(norm(title))) {
        throw new Error(
          `${route}: first render does not show the title "${title}" (from ${source}).\n` +
            `Rendered text nodes (${texts.length}): ${JSON.stringify(texts.slice(0, 40))}` +
            (host.errors.length ? `\nUncaught errors:\n${formatHostErrors(host.errors)}` : '')
        )
      }
    })
  })
}
