import { RootStore } from '@/stores/RootStore'
import { enterpriseFeature } from '@/stores/features/enterprise'
import { meetingFeature } from '@/stores/features/meeting'
import { signatureFeature, signingFeature } from '@/stores/features/signing'
import { verifyFeature } from '@/stores/features/verify'

/**
 * The root store with its features reachable as properties, for tests. The app reaches them
 * through the hooks of src/stores/features/* (made on first use); so do these getters, so a
 * test and a page rendered with the same root share one store.
 */
export class TestRoot extends RootStore {
  get signing() {
    return this.feature(signingFeature)
  }

  get signature() {
    return this.feature(signatureFeature)
  }

  get enterprise() {
    return this.feature(enterpriseFeature)
  }

  get meeting() {
    return this.feature(meetingFeature)
  }

  get verify() {
    return this.feature(verifyFeature)
  }
}
