/** H5: the Fullscreen API on the whole page (the meeting screen on a projector or a TV). */
export function fullscreenSupported(): boolean {
  return typeof document !== 'undefined' && !!document.documentElement?.requestFullscreen
}

export function isFullscreen(): boolean {
  return typeof document !== 'undefined' && !!document.fullscreenElement
}

/** Enters or leaves full screen; false when the browser refused. */
export async function toggleFullscreen(): Promise<boolean> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen()
    else await document.documentElement.requestFullscreen()
    return true
  } catch {
    return false
  }
}

/** Calls `onChange` when full screen is entered or left (also by Esc); returns the unsubscribe. */
export function onFullscreenChange(onChange: () => void): () => void {
  if (typeof document === 'undefined') return () => undefined
  document.addEventListener('fullscreenchange', onChange)
  return () => document.removeEventListener('fullscreenchange', onChange)
}
