import type { SceneCommandInput } from '@gmv-pulse/shared'
import { useState } from 'react'
import type { ControlLink } from './useControlLink.ts'

/** Sends scene commands one at a time, keeping the last refusal to show. */
export function useSceneSender(link: ControlLink) {
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const send = async (command: SceneCommandInput) => {
    setBusy(true)
    const response = await link.send(command)
    setBusy(false)
    setFailure(response.ok ? null : response.error.message)
  }
  return { send, failure, disabled: busy || link.status !== 'connected' }
}
