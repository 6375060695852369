/**
 * The enterprise store tests of enterprise.test.ts, through the HTTP client against a loopback
 * server exposing the sandbox (chunked base64 uploads as JSON included).
 */
import { useHttpTransport } from './helpers'

const stats = useHttpTransport()
// Proof that the requests really went over HTTP to the server.
afterAll(() => expect(stats.calls).toBeGreaterThan(100))
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./enterprise.test')
