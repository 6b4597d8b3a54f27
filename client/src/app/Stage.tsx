import { type ReactNode, useEffect, useState } from 'react'

export const STAGE_WIDTH = 1920
export const STAGE_HEIGHT = 1080

/** Scale that fits the fixed stage inside the window, letterboxed: nothing cut off, no scrollbars. */
export function stageScale(width: number, height: number): number {
  return Math.min(width / STAGE_WIDTH, height / STAGE_HEIGHT)
}

/**
 * The wall is designed once at 1920×1080 and scaled as a whole: type, charts and spacing keep
 * their proportions at 4K or on an odd aspect ratio (letterboxed, centred).
 */
export function Stage({ children }: { children: ReactNode }) {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }))
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight })
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  const scale = stageScale(size.width, size.height)
  const left = (size.width - STAGE_WIDTH * scale) / 2
  const top = (size.height - STAGE_HEIGHT * scale) / 2
  return (
    <div
      className="stage"
      style={{ width: STAGE_WIDTH, height: STAGE_HEIGHT, transform: `translate(${left}px, ${top}px) scale(${scale})` }}
    >
      {children}
    </div>
  )
}
