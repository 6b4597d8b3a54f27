import { keyLabel, type Locale, type SpotlightDimension } from '@gmv-pulse/shared'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { brandSearchQuery, topQuery } from '../../data/analystQueries.ts'
import { useDebounced } from '../../ui/useDebounced.ts'
import type { ControlStrings } from './strings.ts'

/** One brand search per pause in typing, not one per letter. */
const SEARCH_DEBOUNCE_MS = 200
/** Suggestions under the value field: enough to pick from, short enough to scan. */
const SUGGESTIONS = 12

/**
 * The spotlight's value with suggestions: brands from the typeahead search, regions and
 * categories from the campaign's own top list. Free text still works when the read API is
 * closed to this page (no viewer token): the server checks the value either way.
 */
export function SpotlightValue({
  dimension,
  value,
  onChange,
  strings,
  locale,
}: {
  dimension: SpotlightDimension
  value: string
  onChange: (value: string) => void
  strings: ControlStrings
  locale: Locale
}) {
  const listId = useId()
  const search = useDebounced(value.trim(), SEARCH_DEBOUNCE_MS)
  const brands = useQuery({
    ...brandSearchQuery({ search, limit: SUGGESTIONS }),
    enabled: dimension === 'brand' && search.length > 0,
  })
  const top = useQuery({
    ...topQuery({ dimension, sort: 'gmv', limit: 50 }),
    enabled: dimension !== 'brand',
  })
  const options =
    dimension === 'brand'
      ? (brands.data?.brands ?? []).map((match) => match.brand)
      : (top.data?.rows ?? []).map((row) => row.key)
  return (
    <>
      <input
        type="search"
        aria-label={strings[dimension]}
        placeholder={dimension === 'brand' ? strings.brandSearch : strings[dimension]}
        list={listId}
        autoComplete="off"
        data-testid="spotlight-value"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId} data-testid="spotlight-options">
        {options.slice(0, 50).map((option) => (
          <option
            key={option}
            value={option}
            // The name in the page's script: a brand typed in Chinese is offered under its Chinese name.
            label={keyLabel(dimension, option, locale)}
          />
        ))}
      </datalist>
    </>
  )
}
