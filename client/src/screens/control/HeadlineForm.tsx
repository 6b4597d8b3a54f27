import type { SceneCommandInput } from '@gmv-pulse/shared'
import { useState } from 'react'
import { sceneCommand } from './controlModel.ts'
import type { ControlStrings } from './strings.ts'

/** Puts the headline card, with a title and a line, across every wall. */
export function HeadlineForm({
  send,
  disabled,
  strings,
}: {
  send: (command: SceneCommandInput) => Promise<void>
  disabled: boolean
  strings: ControlStrings
}) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  return (
    <form
      className="scene-row"
      onSubmit={(event) => {
        event.preventDefault()
        void send(sceneCommand({ scene: 'headline', title: title.trim(), body: body.trim() }))
      }}
    >
      <input
        aria-label={strings.headlineTitle}
        placeholder={strings.headlineTitle}
        data-testid="headline-title"
        maxLength={80}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <input
        aria-label={strings.headlineBody}
        placeholder={strings.headlineBody}
        data-testid="headline-body"
        maxLength={200}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <button type="submit" data-testid="scene-headline" disabled={disabled}>
        {strings.headline}
      </button>
    </form>
  )
}
