import { MeetingStore } from '@/stores/MeetingStore'
import { defineFeature } from '@/stores/RootStore'
import { useStore } from '@/stores/StoreContext'

/** The initiator's meeting screen (packages/meeting). */
export const meetingFeature = defineFeature('meeting', (root) => new MeetingStore(root.service))

export function useMeetingStore(): MeetingStore {
  return useStore().feature(meetingFeature)
}
