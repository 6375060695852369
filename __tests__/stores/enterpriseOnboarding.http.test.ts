/** The onboarding store tests of enterpriseOnboarding.test.ts, through the HTTP client against a loopback sandbox server. */
import { useHttpTransport } from './helpers'

const stats = useHttpTransport()
afterAll(() => expect(stats.calls).toBeGreaterThan(20))
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./enterpriseOnboarding.test')
