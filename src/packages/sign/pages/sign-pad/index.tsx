import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useRouter, useUnload } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { SignaturePad, type SignaturePadHandle } from '@/components/SignaturePad'
import { normaliseSystemName, type SignatureData } from '@/domain/signature'
import { onViewportResize, viewportIsPortrait } from '@/platform/canvas'
import type { AcceptedSignature } from '@/stores/SignatureStore'
import { useSignatureStore } from '@/stores/features/signing'

const HOME = '/pages/index/index'

type Mode = 'HANDWRITTEN' | 'SYSTEM'

function decodeParam(v: string | undefined): string {
  if (!v) return ''
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

function chineseMessage(e: unknown, fallback: string): string {
  return e instanceof Error && /[\u4e00-\u9fa5]/.test(e.message) ? e.message : fallback
}

/** Back to the page that opened the pad; home when the pad was opened directly. */
function leave(): void {
  let depth = 0
  try {
    depth = Taro.getCurrentPages().length
  } catch {
    depth = 0
  }
  if (depth > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: HOME })
}

/**
 * Full-screen landscape signing pad (手写签名).
 *
 * Query: `mode=system&name=张三` opens on the system signature; `allowSystem=1&name=张三` offers
 * it as a second tab. On 确定 a signature that passes the quality check is handed to
 * `signature.accept(...)` and the page navigates back; the opener reads `signature.accepted`.
 * The strokes are saved as a draft at every stroke end, so leaving the page or the app
 * going to the background loses nothing.
 *
 * WeChat turns the page itself (pageOrientation: landscape). H5 cannot: on a portrait screen
 * the page is turned a quarter turn by CSS so the user writes with the phone held sideways.
 */
export default function SignPadPage() {
  const signature = useSignatureStore()
  const { params } = useRouter()
  const name = normaliseSystemName(decodeParam(params?.name))
  const allowSystem = !!name && (params?.allowSystem === '1' || params?.mode === 'system')
  const [mode, setMode] = useState<Mode>(allowSystem && params?.mode === 'system' ? 'SYSTEM' : 'HANDWRITTEN')
  const [initial] = useState<SignatureData | null>(() => signature.draft)
  const [hasInk, setHasInk] = useState(!!initial && initial.strokes.length > 0)
  const [ready, setReady] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [turns, setTurns] = useState(() => (viewportIsPortrait() ? 1 : 0))
  const pad = useRef<SignaturePadHandle>(null)
  // the system signature, rendered from the font outlines when its tab is first shown
  const [system, setSystem] = useState<AcceptedSignature | null>(null)
  const [systemError, setSystemError] = useState<string | null>(null)

  useEffect(() => onViewportResize(() => setTurns(viewportIsPortrait() ? 1 : 0)), [])

  useEffect(() => {
    if (mode !== 'SYSTEM' || !name || system) return
    let live = true
    setSystemError(null)
    signature.makeSystemSignature(name).then(
      (img) => live && setSystem(img),
      (e: unknown) => live && setSystemError(chineseMessage(e, '系统签名生成失败，请改用手写签名'))
    )
    return () => {
      live = false
    }
  }, [mode, name, system, signature])

  // a stroke still in progress is ended (and so saved) when the page hides or closes
  useDidHide(() => pad.current?.finish())
  useUnload(() => pad.current?.finish())

  const onChange = (data: SignatureData) => {
    signature.saveDraft(data)
    setHasInk(data.strokes.length > 0)
  }

  const onStrokeStart = () => {
    setHasInk(true)
    setMessage(null)
  }

  const confirm = async () => {
    if (busy) return
    setMessage(null)
    if (mode === 'SYSTEM' && name) {
      if (!system) {
        setMessage(systemError || '系统签名生成中，请稍候')
        return
      }
      signature.accept({ ...system, createdAt: Date.now() })
      leave()
      return
    }
    const handle = pad.current
    if (!handle) return
    const quality = handle.checkQuality()
    if (!quality.ok) {
      setMessage(quality.message)
      return
    }
    setBusy(true)
    try {
      const img = await handle.exportPng()
      if (!img) {
        setMessage('请先在签名区域内书写签名')
        return
      }
      signature.accept({ ...img, kind: 'HANDWRITTEN', createdAt: Date.now() })
      leave()
    } catch {
      setMessage('签名图片生成失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  const handwriting = mode === 'HANDWRITTEN'

  return (
    <View className={`pad-page${turns ? ' pad-page--turned' : ''}`} data-testid='sign-pad' data-ready={ready ? '1' : '0'} data-mode={mode}>
      <View className='pad-head'>
        <Button className='pad-btn pad-btn--plain' size='mini' onClick={leave}>
          返回
        </Button>
        <Text className='pad-title'>手写签名</Text>
        {allowSystem ? (
          <View className='pad-tabs'>
            <Text className={`pad-tab${handwriting ? ' pad-tab--on' : ''}`} onClick={() => setMode('HANDWRITTEN')} data-testid='pad-tab-hand'>
              手写
            </Text>
            <Text className={`pad-tab${handwriting ? '' : ' pad-tab--on'}`} onClick={() => setMode('SYSTEM')} data-testid='pad-tab-system'>
              系统签名
            </Text>
          </View>
        ) : null}
      </View>

      <View className='pad-area'>
        {/* under the transparent canvas: the guide line and the hint */}
        <View className='pad-guide' />
        {handwriting && !hasInk ? <Text className='pad-hint'>请在此区域内书写签名</Text> : null}
        <SignaturePad ref={pad} initialData={initial} quarterTurns={turns} onReady={() => setReady(true)} onStrokeStart={onStrokeStart} onChange={onChange} />
        {handwriting ? null : (
          <View className='pad-system' data-testid='pad-system'>
            {system ? (
              <Image className='pad-system__image' src={system.png} mode='aspectFit' data-testid='pad-system-image' aria-label={name ?? ''} />
            ) : (
              <Text className='pad-system__note'>{systemError ? '' : '正在生成系统签名…'}</Text>
            )}
            <Text className='pad-system__note'>{name} · 将以楷体生成您的签名</Text>
          </View>
        )}
      </View>

      <View className='pad-foot'>
        <Text className={`pad-message${message || (!handwriting && systemError) ? ' pad-message--error' : ''}`} data-testid='pad-message'>
          {message || (handwriting ? '请使用正楷或常用签名书写您的姓名' : systemError || '')}
        </Text>
        {handwriting ? (
          <Button className={`pad-btn${hasInk ? '' : ' pad-btn--off'}`} size='mini' disabled={!hasInk || busy} onClick={() => pad.current?.undo()}>
            撤销
          </Button>
        ) : null}
        {handwriting ? (
          <Button
            className={`pad-btn${hasInk ? '' : ' pad-btn--off'}`}
            size='mini'
            disabled={!hasInk || busy}
            onClick={() => {
              pad.current?.clear()
              setMessage(null)
            }}
          >
            清除
          </Button>
        ) : null}
        <Button className='pad-btn pad-btn--primary' size='mini' loading={busy} disabled={busy} onClick={() => void confirm()}>
          确定
        </Button>
      </View>
    </View>
  )
}
