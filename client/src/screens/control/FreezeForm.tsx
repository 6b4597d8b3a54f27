import type { SceneCommandInput, WallScene } from '@gmv-pulse/shared'
import { useState } from 'react'
import { freezeCommand } from './controlModel.ts'
import type { ControlStrings } from './strings.ts'

/** Freezes the walls on what they show, with a banner, and releases them. */
export function FreezeForm({
  current,
  send,
  disabled,
  strings,
}: {
  current: WallScene | null
  send: (command: SceneCommandInput) => Promise<void>
  disabled: boolean
  strings: ControlStrings
}) {
  const [message, setMessage] = useState('')
  return (
    <form
      className="scene-row freeze-row"
      onSubmit={(event) => {
        event.preventDefault()
        if (current) void send(freezeCommand(current, true, message))
      }}
    >
      <input
        aria-label={strings.freezeMessage}
        placeholder={strings.freezeMessage}
        data-testid="freeze-message"
        maxLength={140}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
      />
      <button type="submit" data-testid="freeze" disabled={disabled || !current}>
        {strings.freeze}
      </button>
      <button
        type="button"
        data-testid="release"
        disabled={disabled || !current?.frozen}
        onClick={() => current && send(freezeCommand(current, false, ''))}
      >
        {strings.release}
      </button>
    </form>
  )
}
