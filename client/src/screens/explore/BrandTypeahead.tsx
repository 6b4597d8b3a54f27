import { formatCount, keyLabel, type Locale } from '@gmv-pulse/shared'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { brandSearchQuery, headlineQuery } from '../../data/analystQueries.ts'
import { useDebounced } from '../../ui/useDebounced.ts'
import { BrandSuggestions } from './BrandSuggestions.tsx'
import type { ExplorerStrings } from './strings.ts'

/** Wait this long after the last keystroke: one search per pause, not one per letter, over a festival's brands. */
const SEARCH_DEBOUNCE_MS = 200
/** Ten suggestions fit under the field without scrolling. */
const SUGGESTIONS = 10

export function BrandTypeahead({
  value,
  onChange,
  strings,
  locale,
}: {
  value: string | undefined
  onChange: (brand: string | undefined) => void
  strings: ExplorerStrings
  locale: Locale
}) {
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listId = useId()
  const search = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS)
  const query = useQuery(brandSearchQuery({ search, limit: SUGGESTIONS }))
  const matches = search ? (query.data?.brands ?? []) : []
  const shown = open && text.trim().length > 0
  // How many brands there are to search comes from the data: the campaign so far's count.
  const participating = useQuery(headlineQuery({})).data?.participatingBrands.count
  const placeholder =
    participating === undefined
      ? strings.brandSearch
      : strings.brandSearchCount.replace('{count}', formatCount(participating, locale))

  const choose = (brand: string) => {
    onChange(brand)
    setText('')
    setOpen(false)
  }

  return (
    <div className="typeahead">
      {value ? (
        <span className="chip" data-testid="brand-chip">
          {keyLabel('brand', value, locale)}
          <button type="button" aria-label={`${strings.clear} ${strings.brand}`} onClick={() => onChange(undefined)}>
            ×
          </button>
        </span>
      ) : null}
      <input
        type="search"
        aria-autocomplete="list"
        aria-controls={listId}
        aria-label={strings.brand}
        placeholder={placeholder}
        data-testid="brand-search"
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, matches.length - 1))
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0))
          else if (event.key === 'Escape') setOpen(false)
          else if (event.key === 'Enter') {
            const match = matches[active]
            if (match) choose(match.brand)
          } else return
          event.preventDefault()
        }}
      />
      {shown ? (
        <BrandSuggestions
          id={listId}
          search={search}
          query={query}
          matches={matches}
          active={active}
          onChoose={choose}
          locale={locale}
          strings={strings}
        />
      ) : null}
    </div>
  )
}
