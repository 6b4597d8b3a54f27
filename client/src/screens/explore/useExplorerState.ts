import { useCallback, useEffect, useState } from 'react'
import { type ExplorerState, parseExplorerState, serializeExplorerState } from './explorerState.ts'

/**
 * The explorer's state, read from and written to the URL: every change is a history entry
 * (so back undoes a drill), and back / forward re-read the URL.
 */
export function useExplorerState(): [ExplorerState, (next: ExplorerState, options?: { replace?: boolean }) => void] {
  const [state, setState] = useState(() => parseExplorerState(window.location.search))

  useEffect(() => {
    const onPop = () => setState(parseExplorerState(window.location.search))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  const navigate = useCallback((next: ExplorerState, options: { replace?: boolean } = {}) => {
    const query = serializeExplorerState(next, window.location.search)
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`
    if (url === `${window.location.pathname}${window.location.search}`) return
    if (options.replace) window.history.replaceState(null, '', url)
    else window.history.pushState(null, '', url)
    setState(parseExplorerState(query))
  }, [])

  return [state, navigate]
}
