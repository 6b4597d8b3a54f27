import { useState } from 'react'

/** Session storage only: the token is gone when the tab closes, and is never in a URL or a log. */
const TOKEN_KEY = 'gmv-pulse-control-token'

/** The control token this tab signed in with. */
export function useStoredToken(): [string | null, (token: string | null) => void] {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY))
  const change = (next: string | null) => {
    if (next) sessionStorage.setItem(TOKEN_KEY, next)
    else sessionStorage.removeItem(TOKEN_KEY)
    setToken(next)
  }
  return [token, change]
}
