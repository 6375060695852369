import { observer } from 'mobx-react'
import { useEffect } from 'react'
import { FaceStep } from '@/components/FaceStep'
import { RealNameForm } from '@/components/RealNameForm'
import { useVerifyStore } from '@/stores/features/verify'

/**
 * The host must be a verified person: the same real-name form and face step as pages/verify
 * (same VerifyStore, same test ids), shown in place, so the draft on this page stays as it is.
 */
export const HostVerifyGate = observer(function HostVerifyGate() {
  const verify = useVerifyStore()

  useEffect(() => {
    if (verify.step === 'done') verify.reset()
  }, [verify.step, verify])

  useEffect(() => () => verify.reset(), [verify])

  if (verify.step === 'face') {
    return <FaceStep maskedName={verify.maskedName} busy={verify.busy} error={verify.faceError} onCapture={(c) => void verify.completeFace(c)} />
  }
  return <RealNameForm title='发起人实名认证' intro='发起会中签约前，请先完成本人实名认证。已填写的会议内容会保留。' testId='host-verify' />
})
