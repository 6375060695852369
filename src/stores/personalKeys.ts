/**
 * Storage keys of a person's signature, removed on sign-out by the root store whether or not
 * the signature store was made in this run of the app (it is made on first use).
 */
export const SIGNATURE_DRAFT_KEY = 'inkseal.signature.draft'
export const SIGNATURE_ACCEPTED_KEY = 'inkseal.signature.accepted'

export const SIGN_OUT_KEYS: readonly string[] = [SIGNATURE_DRAFT_KEY, SIGNATURE_ACCEPTED_KEY]
