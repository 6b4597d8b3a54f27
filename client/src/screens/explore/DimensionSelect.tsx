import { type FilterDimension, keyLabel, type Locale } from '@gmv-pulse/shared'
import { useQuery } from '@tanstack/react-query'
import { topQuery } from '../../data/analystQueries.ts'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import type { ExplorerStrings } from './strings.ts'

/** Categories, channels, rooms and regions are few enough to list; the 100 largest cover any festival's. */
const OPTION_LIMIT = 100

export function DimensionSelect({
  dimension,
  value,
  onChange,
  strings,
  locale,
}: {
  dimension: Exclude<FilterDimension, 'brand'>
  value: string | undefined
  onChange: (value: string | undefined) => void
  strings: ExplorerStrings
  locale: Locale
}) {
  const options = useQuery(topQuery({ dimension, sort: 'gmv', limit: OPTION_LIMIT }))
  const keys = options.data?.rows.map((row) => row.key) ?? []
  if (value && !keys.includes(value)) keys.unshift(value)
  return (
    <label className="field">
      <span>{strings[dimension]}</span>
      <select
        data-testid={`filter-${dimension}`}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{strings.any}</option>
        {keys.map((key) => (
          <option key={key} value={key}>
            {keyLabel(dimension, key, locale)}
          </option>
        ))}
      </select>
      <ErrorNote error={options.error} label={strings.failed} />
    </label>
  )
}
