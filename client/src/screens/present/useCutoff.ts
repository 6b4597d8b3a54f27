import { useCallback, useEffect, useState } from 'react'
import { parseCutoff, serializeCutoff } from './presentUrl.ts'

/** The presenter's cutoff, kept in the URL (`?at=`): null follows now. Back and forward re-read it. */
export function useCutoff(): [number | null, (at: number | null) => void] {
  const [at, setAt] = useState(() => parseCutoff(window.location.search))
  useEffect(() => {
    const onPop = () => setAt(parseCutoff(window.location.search))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  const change = useCallback((next: number | null) => {
    const query = serializeCutoff(next, window.location.search)
    window.history.pushState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`)
    setAt(next)
  }, [])
  return [at, change]
}
