import { type FormEvent, useState } from 'react'
import type { ControlStrings } from './strings.ts'

/** Asks for a control token; says why the last one was refused. */
export function TokenForm({
  strings,
  error,
  onSubmit,
}: {
  strings: ControlStrings
  error: string | null
  onSubmit: (token: string) => void
}) {
  const [text, setText] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim()) onSubmit(text.trim())
  }
  return (
    <form className="control-card token-form" onSubmit={submit}>
      <label>
        {strings.tokenLabel}
        <input
          type="password"
          autoComplete="off"
          data-testid="control-token"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="submit" data-testid="control-connect">
        {strings.connect}
      </button>
      <p className="muted">{strings.tokenHint}</p>
      {error ? (
        <p className="error-note" role="alert" data-testid="control-error">
          {error}
        </p>
      ) : null}
    </form>
  )
}
