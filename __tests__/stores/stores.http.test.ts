/**
 * The same store tests as stores.test.ts, through the HTTP client (Taro.request's shape over
 * fetch) against a loopback server exposing the sandbox: the stores cannot tell the difference.
 */
import { useHttpTransport } from './helpers'

const stats = useHttpTransport()
// Proof that the requests really went over HTTP to the server.
afterAll(() => expect(stats.calls).toBeGreaterThan(40))
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./stores.test')
