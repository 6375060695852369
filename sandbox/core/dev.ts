/**
 * The core's developer tools: demo links and identities, meetings, the SMS outbox, reset.
 */
import { encodePayload, entryLink } from '@/domain/entryLink'
import type { CoreDevTools, DemoIdentity, DemoLink, DemoMeeting, SmsMessage } from '@/services/types'
import type { coreChecks, CoreChecksContext } from './checks'
import { DEMO_LINK_SPECS, DEMO_PEOPLE, DEMO_PERSON_KEYS } from './demoData'
import { SANDBOX_STORAGE_KEY } from './model'

export type CoreDevToolsContext = CoreChecksContext & ReturnType<typeof coreChecks>

export function coreDevTools(c: CoreDevToolsContext): Pick<CoreDevTools, 'listDemoLinks' | 'listDemoIdentities' | 'listMeetings' | 'listSmsOutbox' | 'reset'> {
  const { storage, blobs, db, seedFresh, scheme, host } = c
  return {
    listDemoLinks(): DemoLink[] {
      return db.state.demoLinks.flatMap((d) => {
        const spec = DEMO_LINK_SPECS.find((s) => s.key === d.key)
        const link = db.state.links[d.token]
        if (!spec || !link) return []
        const payload = encodePayload({ type: 'S', id: link.flowId, token: link.token, expiresAt: link.expiresAt })
        return [
          {
            label: spec.label,
            description: spec.description,
            flowId: link.flowId,
            link: entryLink(host, payload, scheme),
            payload,
            hint: spec.hint
          }
        ]
      })
    },
    listDemoIdentities(): DemoIdentity[] {
      return DEMO_PERSON_KEYS.map((k) => {
        const p = DEMO_PEOPLE[k]
        return { label: p.label, name: p.name, idNumber: p.idNumber, mobile: p.mobile, note: p.note }
      })
    },
    listMeetings(): DemoMeeting[] {
      return Object.values(db.state.meetings).map((m) => ({
        meetingId: m.meetingId,
        name: m.name,
        screenLink: `${scheme}://${host}/#/packages/meeting/pages/screen/index?m=${m.meetingId}&k=${m.boardKey}`,
        flowIds: m.flowIds.slice()
      }))
    },
    listSmsOutbox(): SmsMessage[] {
      return db.state.outbox
        .slice()
        .reverse()
        .map((m) => ({ ...m }))
    },
    reset(): void {
      storage.remove(SANDBOX_STORAGE_KEY)
      blobs.clear()
      seedFresh()
    }
  }
}
