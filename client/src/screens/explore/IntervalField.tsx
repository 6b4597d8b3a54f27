import { formatCount, formatIntervalWidth, type Locale, MAX_SERIES_POINTS } from '@gmv-pulse/shared'
import type { IntervalChoice, IntervalOption } from './intervalChoice.ts'
import type { ExplorerStrings } from './strings.ts'

/**
 * The series' bucket width. A width the server would refuse over this range (more than
 * MAX_SERIES_POINTS buckets) is shown but cannot be picked, and says why; a choice that a
 * wider range has since made too fine is kept in the URL, and the page says it shows auto.
 */
export function IntervalField({
  value,
  options,
  fellBack,
  chosen,
  onChange,
  locale,
  strings,
}: {
  value: IntervalChoice
  options: IntervalOption[]
  fellBack: boolean
  /** The interval the server answered with, named beside "Auto". */
  chosen: string | undefined
  onChange: (choice: IntervalChoice) => void
  locale: Locale
  strings: ExplorerStrings
}) {
  const label = (choice: IntervalChoice) =>
    choice === 'auto'
      ? chosen && (value === 'auto' || fellBack)
        ? strings.autoChosen.replace('{width}', formatIntervalWidth(chosen, locale))
        : strings.auto
      : formatIntervalWidth(choice, locale)
  return (
    <label className="field field-interval">
      <span>{strings.interval}</span>
      <select data-testid="interval" value={value} onChange={(event) => onChange(event.target.value as IntervalChoice)}>
        {options.map((option) => (
          <option key={option.choice} value={option.choice} disabled={!option.allowed && option.choice !== value}>
            {label(option.choice)}
            {option.allowed ? '' : ` (${strings.tooFine})`}
          </option>
        ))}
      </select>
      {fellBack ? (
        <span className="interval-note" role="status" data-testid="interval-note">
          {strings.intervalFallback
            .replace('{width}', formatIntervalWidth(value, locale))
            .replace('{max}', formatCount(MAX_SERIES_POINTS, locale))}
        </span>
      ) : null}
    </label>
  )
}
