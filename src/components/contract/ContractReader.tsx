import { Button, ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Field } from '@/services/types'
import type { SigningStore } from '@/stores/SigningStore'
import { ContractPage, type ReaderMode } from './ContractPage'
import { layoutColumn, pageAt, pageWindow, scrollOffsetFor, type PageWindow } from './windowing'

export const ZOOMS = [1, 1.5, 2] as const
const IS_H5 = process.env.TARO_ENV === 'h5'
let readerSeq = 0
/** Pages mounted at most (visible + neighbours). */
export const MAX_MOUNTED = 6

function screen(): { width: number; height: number } {
  try {
    const info = Taro.getSystemInfoSync()
    return { width: info.windowWidth || 375, height: info.windowHeight || 667 }
  } catch {
    return { width: 375, height: 667 }
  }
}

/**
 * The contract, page under page, fitted to the screen width, with zoom. Only the pages near the
 * viewport are mounted (own windowing keyed on the scroll position) and their images are
 * fetched in ranges as they come near. Field overlays are placed from page fractions.
 */
export const ContractReader = observer(function ContractReader(props: {
  store: SigningStore
  mode: ReaderMode
  /** Height of the scrolled area as a fraction of the window height */
  heightRatio?: number
  onField?: (f: Field) => void
}) {
  const { store, mode, onField } = props
  const [{ width: winW, height: winH }] = useState(screen)
  // The page column sits inside the page padding (24 of 750 design px on each side).
  const baseWidth = Math.max(200, Math.floor((winW * 702) / 750) - 2)
  const viewport = Math.max(280, Math.round(winH * (props.heightRatio ?? 0.66)))
  const [zoom, setZoom] = useState<number>(1)
  const sizes = store.contract?.pages
  const layout = useMemo(() => layoutColumn(sizes ?? [], baseWidth * zoom), [sizes, baseWidth, zoom])
  const topRef = useRef(0)
  const [readerId] = useState(() => `sign-scroll-${++readerSeq}`)
  // WeChat scrolls through the scroll-top prop. On H5 the component wrapper writes every prop to
  // the element at each render (a scrollTop prop would snap the user back), so it is set directly.
  const [scrollTop, setScrollTop] = useState(0)
  const [win, setWin] = useState<PageWindow>(() => pageWindow(layout, 0, viewport, MAX_MOUNTED))

  const update = (top: number) => {
    topRef.current = top
    const next = pageWindow(layout, top, viewport, MAX_MOUNTED)
    setWin((w) => (w.from === next.from && w.to === next.to && w.firstVisible === next.firstVisible && w.lastVisible === next.lastVisible ? w : next))
  }

  const scrollTo = (top: number) => {
    if (IS_H5) {
      const el = typeof document !== 'undefined' ? document.getElementById(readerId) : null
      if (el) el.scrollTop = top
    } else {
      setScrollTop((prev) => (prev === top ? top + 0.5 : top))
    }
    update(top)
  }

  // A new layout (zoom, contract loaded): keep the same place on the same page.
  const prevLayout = useRef(layout)
  useEffect(() => {
    const old = prevLayout.current
    prevLayout.current = layout
    if (old === layout || old.pages.length === 0) {
      update(topRef.current)
      return
    }
    const i = pageAt(old, topRef.current)
    const p = old.pages[i]
    const frac = p ? (topRef.current - p.top) / p.height : 0
    scrollTo(scrollOffsetFor(layout, i, Math.max(0, frac), 0))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new layout only; update/scrollTo are this render's closures
  }, [layout])

  // Jump requests from the store (next field, page).
  const target = store.scrollTarget
  useEffect(() => {
    if (!target || layout.pages.length === 0) return
    scrollTo(Math.min(Math.max(0, layout.height - viewport), scrollOffsetFor(layout, target.page, target.y, 80)))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one jump per request (its seq) or new layout, not per render
  }, [target?.seq, layout])

  // Fetch the images of what is mounted (in ranges).
  useEffect(() => {
    if (win.to >= win.from) store.ensurePages(win.from, win.to)
  }, [store, win.from, win.to, store.contract?.revision])

  if (!store.contract) return null
  const mounted = layout.pages.slice(win.from, win.to + 1)
  const handle = onField ?? (() => undefined)

  return (
    <View className='sign-reader' data-testid='contract-reader'>
      <View className='sign-reader__bar'>
        <Text className='sign-reader__pageno' data-testid='page-indicator'>
          第 {Math.min(store.pageCount, win.firstVisible + 1)} / {store.pageCount} 页
        </Text>
        <View className='sign-zoom'>
          {ZOOMS.map((z) => (
            <Button
              key={z}
              className={`sign-zoom__btn ${zoom === z ? 'sign-zoom__btn--on' : ''}`}
              data-testid={`zoom-${Math.round(z * 100)}`}
              onClick={() => setZoom(z)}
            >
              {Math.round(z * 100)}%
            </Button>
          ))}
        </View>
      </View>
      <ScrollView
        className='sign-scroll'
        scrollY
        scrollX={zoom > 1}
        id={readerId}
        {...(IS_H5 ? {} : { scrollTop })}
        style={{ height: `${viewport}px` }}
        onScroll={(e) => update(e.detail.scrollTop)}
        data-testid='contract-scroll'
      >
        <View className='sign-column' style={{ height: `${layout.height}px`, width: `${layout.width}px` }}>
          {mounted.map((box) => (
            <ContractPage key={box.index} store={store} box={box} mode={mode} onField={handle} />
          ))}
        </View>
      </ScrollView>
      {store.pageError ? (
        <View className='sign-reader__error'>
          <Text className='error'>{store.pageError}</Text>
          <Button className='btn btn--small btn--ghost' onClick={() => store.retryPages(win.from, win.to)}>
            重新加载
          </Button>
        </View>
      ) : null}
    </View>
  )
})
