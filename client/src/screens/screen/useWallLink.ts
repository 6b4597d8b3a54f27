import type { Locale, SceneCommand, ScreenHello, WallScene } from '@gmv-pulse/shared'
import { useEffect, useRef, useState } from 'react'
import type { LiveSocket } from '../../data/useLiveSnapshot.ts'

/**
 * Five seconds: the control's lag column stays current without the walls adding noticeable
 * traffic (one tiny message per screen), and a silent screen is noticed within a few beats.
 */
export const HEARTBEAT_MS = 5000

/** A screen's id, random per browser tab and kept across its reloads (two tabs are two screens). */
export function screenId(storage: Storage | undefined = globalThis.sessionStorage): string {
  const key = 'gmv-pulse-screen-id'
  const known = storage?.getItem(key)
  if (known && /^[A-Za-z0-9_-]{1,64}$/.test(known)) return known
  // Not crypto.randomUUID: browsers offer it in secure contexts only (https, localhost), and a
  // wall on a LAN is opened as http://wall.lan. getRandomValues is there in every context.
  const id = Array.from(crypto.getRandomValues(new Uint8Array(6)), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  )
  storage?.setItem(key, id)
  return id
}

/** `?screen=Left%20wall` names the screen on the control; otherwise its id does. */
export function screenLabel(search: string, id: string): string {
  const named = new URLSearchParams(search).get('screen')?.trim().slice(0, 64)
  return named || `Screen ${id.slice(0, 4)}`
}

const viewport = () => ({ width: Math.max(1, window.innerWidth), height: Math.max(1, window.innerHeight) })

/**
 * The wall's side of the remote control, on the same socket as its snapshots: introduce the
 * screen on every connect that was not recovered (a recovered one is still registered), apply
 * every scene that arrives, and heartbeat with the last measured round trip, which it answers
 * (null before the first) for the freshness badge.
 */
export function useWallLink(
  socket: LiveSocket | null,
  locale: Locale,
  shown: SceneCommand,
  apply: (scene: WallScene) => void,
): number | null {
  const [roundTripMs, setRoundTripMs] = useState<number | null>(null)
  const shownRef = useRef(shown)
  shownRef.current = shown
  const applyRef = useRef(apply)
  applyRef.current = apply

  useEffect(() => {
    if (!socket) return
    const id = screenId()
    const hello: ScreenHello = {
      id,
      label: screenLabel(window.location.search, id),
      lang: locale,
      viewport: viewport(),
    }
    let lagMs: number | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    let registered = false

    const beat = () => {
      clearTimeout(timer)
      if (!socket.connected || !registered) return
      const started = performance.now()
      const hadLag = lagMs !== null
      socket
        .timeout(HEARTBEAT_MS)
        .emit('heartbeat', { lagMs, viewport: viewport(), scene: shownRef.current }, (error) => {
          if (!error) {
            lagMs = Math.min(60_000, Math.round(performance.now() - started))
            setRoundTripMs(lagMs)
          }
          // The first round trip is reported at once, so the control shows a lag as soon as the screen appears.
          timer = setTimeout(beat, hadLag || error ? HEARTBEAT_MS : 0)
        })
    }
    const register = () => {
      if (socket.recovered && registered) return beat()
      socket.emit('registerScreen', { ...hello, viewport: viewport() }, (response) => {
        if (!response.ok) return
        registered = true
        applyRef.current(response.data)
        beat()
      })
    }
    const onScene = (scene: WallScene) => applyRef.current(scene)
    socket.on('connect', register)
    socket.on('scene', onScene)
    if (socket.connected) register()
    return () => {
      clearTimeout(timer)
      socket.off('connect', register)
      socket.off('scene', onScene)
    }
  }, [socket, locale])
  return roundTripMs
}
