/** The org store tests of org.test.ts, through the HTTP client against a loopback sandbox server. */
import { useHttpTransport } from './helpers'

const stats = useHttpTransport()
// Proof that the requests really went over HTTP to the server.
afterAll(() => expect(stats.calls).toBeGreaterThan(20))
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./org.test')
