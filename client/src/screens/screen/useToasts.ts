import { useCallback, useEffect, useRef, useState } from 'react'
import type { Toast } from './Toasts.tsx'

/** A milestone stays up long enough to be read across a room; at most three at once. */
const TOAST_MS = 8000
const MAX_TOASTS = 3

export function useToasts(): [Toast[], (toast: Omit<Toast, 'id'>) => void] {
  const [toasts, setToasts] = useState<Toast[]>([])
  const timers = useRef<number[]>([])
  useEffect(
    () => () => {
      for (const timer of timers.current) clearTimeout(timer)
    },
    [],
  )
  const push = useCallback((toast: Omit<Toast, 'id'>) => {
    const id = `${Date.now()}-${Math.random()}`
    setToasts((current) => [...current, { ...toast, id }].slice(-MAX_TOASTS))
    timers.current.push(window.setTimeout(() => setToasts((current) => current.filter((t) => t.id !== id)), TOAST_MS))
  }, [])
  return [toasts, push]
}
