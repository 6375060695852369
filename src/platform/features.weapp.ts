/** What this platform's build offers. WeChat: no host console (it is a computer's browser page). */
export const HOST_CONSOLE = false
