/** What the host console needs of the service (types.host.ts). */
import type { CreateHostedMeetingInput, HostedMeeting, InkSealService } from '@/services/types'

export type { CreateHostedMeetingInput, HostedMeeting }

export type HostService = Pick<InkSealService, 'createHostedMeeting'>
