import { observer } from 'mobx-react'
import { useEffect } from 'react'
import { FaceStep } from '@/components/FaceStep'
import { RealNameForm } from '@/components/RealNameForm'
import { useVerifyStore } from '@/stores/features/verify'

/**
 * Real-name verification inside the enterprise pages: the same VerifyStore and face step as
 * pages/verify, with the same test ids, but it stays on this page when done (`onVerified`).
 */
export const VerifyGate = observer(function VerifyGate({ intro, onVerified }: { intro: string; onVerified: () => void }) {
  const verify = useVerifyStore()

  useEffect(() => {
    if (verify.step === 'done') {
      verify.reset()
      onVerified()
    }
  }, [verify.step, verify, onVerified])

  useEffect(() => () => verify.reset(), [verify])

  if (verify.step === 'face') {
    return <FaceStep maskedName={verify.maskedName} busy={verify.busy} error={verify.faceError} onCapture={(c) => void verify.completeFace(c)} />
  }
  return <RealNameForm title='实名认证' intro={intro} testId='ent-verify' />
})
