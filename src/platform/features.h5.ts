/** What this platform's build offers. H5: the host console (会议发起台, packages/host). */
export const HOST_CONSOLE = true
