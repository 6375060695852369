/** The meeting tests again, through the HTTP client and a loopback server. */
import { useHttpTransport } from './helpers'

const stats = useHttpTransport()
// Proof that the requests really went over HTTP to the server.
afterAll(() => expect(stats.calls).toBeGreaterThanOrEqual(5))
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./meeting.test')
