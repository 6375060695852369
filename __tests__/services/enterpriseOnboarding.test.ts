/** Onboarding by the rules (onboardingSuite.ts) on the sandbox itself. */
import { setup } from './enterpriseHelpers'
import { onboardingSuite } from './onboardingSuite'

onboardingSuite(async () => setup())
