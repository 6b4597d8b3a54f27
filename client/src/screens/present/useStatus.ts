import { useEffect, useState } from 'react'

/** How long a "Copied" or an error stays beside the exports. */
const STATUS_MS = 4000

/** A short-lived status line: each message replaces the last and clears itself. */
export function useStatus(): [string | null, (text: string) => void] {
  const [status, setStatus] = useState<string | null>(null)
  useEffect(() => {
    if (status === null) return
    const timer = setTimeout(() => setStatus(null), STATUS_MS)
    return () => clearTimeout(timer)
  }, [status])
  return [status, setStatus]
}
