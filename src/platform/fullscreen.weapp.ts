/** WeChat: a mini-program page has no full-screen switch (the screen is an H5 page). */
export function fullscreenSupported(): boolean {
  return false
}

export function isFullscreen(): boolean {
  return false
}

export async function toggleFullscreen(): Promise<boolean> {
  return false
}

export function onFullscreenChange(): () => void {
  return () => undefined
}
