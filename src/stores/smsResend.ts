import type { ServiceError } from '@/services/errors'
import type { SmsTicket } from '@/services/types'

/**
 * The resend countdown shared by the stores that ask for SMS codes (VerifyStore, the legal
 * representative's LegalRepAuthorizeStore).
 */

/** Seconds until a new code may be asked for at `clock`; 0 when allowed or nothing was sent. */
export function resendSeconds(ticket: SmsTicket | null, clock: number): number {
  return ticket ? Math.max(0, Math.ceil((ticket.resendAt - clock) / 1000)) : 0
}

/**
 * A refusal to send because a code was sent recently (another page, an earlier opening):
 * the ticket to count down the time the backend gave (`retryAfterMs`), keeping what is known
 * of the code already sent, which may still be entered. Null for any other error.
 */
export function heldTicket(err: ServiceError, ticket: SmsTicket | null, at: number): SmsTicket | null {
  const retryAfter = Number(err.details.retryAfterMs)
  if (err.code !== 'SMS_TOO_FREQUENT' || !(retryAfter > 0)) return null
  return { sentTo: ticket?.sentTo ?? '', expiresAt: ticket?.expiresAt ?? 0, resendAt: at + retryAfter }
}
