import { type Locale, type SceneCommandInput, SPOTLIGHT_DIMENSIONS, type SpotlightDimension } from '@gmv-pulse/shared'
import { useState } from 'react'
import { sceneCommand } from './controlModel.ts'
import { SpotlightValue } from './SpotlightValue.tsx'
import type { ControlStrings } from './strings.ts'

/** Spotlights a brand, region or category on every wall. */
export function SpotlightForm({
  send,
  disabled,
  locale,
  strings,
}: {
  send: (command: SceneCommandInput) => Promise<void>
  disabled: boolean
  locale: Locale
  strings: ControlStrings
}) {
  const [dimension, setDimension] = useState<SpotlightDimension>('brand')
  const [value, setValue] = useState('')
  return (
    <form
      className="scene-row"
      onSubmit={(event) => {
        event.preventDefault()
        if (value.trim()) void send(sceneCommand({ scene: 'spotlight', dimension, value: value.trim() }))
      }}
    >
      <select
        aria-label={strings.spotlight}
        data-testid="spotlight-dimension"
        value={dimension}
        onChange={(event) => {
          setDimension(event.target.value as SpotlightDimension)
          setValue('')
        }}
      >
        {SPOTLIGHT_DIMENSIONS.map((option) => (
          <option key={option} value={option}>
            {strings[option]}
          </option>
        ))}
      </select>
      <SpotlightValue dimension={dimension} value={value} onChange={setValue} strings={strings} locale={locale} />
      <button type="submit" data-testid="scene-spotlight" disabled={disabled || !value.trim()}>
        {strings.spotlight}
      </button>
    </form>
  )
}
