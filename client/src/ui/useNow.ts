import { useEffect, useState } from 'react'

/** The client clock, refreshed every `intervalMs`: drives the freshness badge between snapshots. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
