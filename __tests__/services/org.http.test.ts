/**
 * The org tests of org.test.ts through the HTTP client against a loopback sandbox server:
 * error codes, details and Chinese messages travel; sealing with an enterprise's new seal works.
 */
import { useHttpTransport } from '../stores/helpers'

const stats = useHttpTransport()
afterAll(() => expect(stats.calls).toBeGreaterThan(50))
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./org.test')
