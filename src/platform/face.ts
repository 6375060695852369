import type { FaceCapture } from '@/services/types'

/**
 * Face verification. WeChat restricts startFacialRecognitionVerify to qualified industries and
 * H5 has no equivalent, so on both platforms the liveness step is simulated: the user performs
 * a prompted action within a time limit, and the backend (sandbox) decides the comparison.
 * One implementation serves both platforms, so this module is not split.
 */
export const FACE_ACTIONS: FaceCapture['action'][] = ['blink', 'nod', 'mouth']

export const FACE_ACTION_LABEL: Record<FaceCapture['action'], string> = {
  blink: '请眨眨眼',
  nod: '请缓慢点头',
  mouth: '请张张嘴'
}

export function simulatedCapture(action: FaceCapture['action'], completed: boolean, frames = 24): FaceCapture {
  return { source: 'simulated', frames, action, completed }
}
