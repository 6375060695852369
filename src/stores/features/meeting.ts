import { MeetingStore } from '../MeetingStore'
import { defineFeature } from '../RootStore'
import { useStore } from '../StoreContext'

/** The initiator's meeting screen (packages/meeting). */
export const meetingFeature = defineFeature('meeting', (root) => new MeetingStore(root.service))

export function useMeetingStore(): MeetingStore {
  return useStore().feature(meetingFeature)
}
