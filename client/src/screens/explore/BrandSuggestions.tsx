import { type BrandMatch, type BrandSearch, formatMoneyCompact, keyLabel, type Locale } from '@gmv-pulse/shared'
import type { UseQueryResult } from '@tanstack/react-query'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import type { ExplorerStrings } from './strings.ts'

/** The type-ahead's list: the matching brands with their GMV over the campaign so far, said once above them. */
export function BrandSuggestions({
  id,
  search,
  query,
  matches,
  active,
  onChoose,
  locale,
  strings,
}: {
  id: string
  search: string
  query: UseQueryResult<BrandSearch>
  matches: BrandMatch[]
  active: number
  onChoose: (brand: string) => void
  locale: Locale
  strings: ExplorerStrings
}) {
  return (
    <ul className="typeahead-list" id={id} aria-label={strings.brand}>
      {/* The figure is the brand's campaign so far, whatever range the page shows: said once, above the list. */}
      {matches.length > 0 ? (
        <li className="typeahead-scope muted" data-testid="brand-gmv-scope">
          <span>{strings.brand}</span>
          <span>{strings.brandGmvScope}</span>
        </li>
      ) : null}
      {matches.map((match, index) => (
        <li key={match.brand}>
          <button
            type="button"
            tabIndex={-1}
            aria-current={index === active}
            className={index === active ? 'active' : ''}
            data-testid="brand-option"
            data-brand={match.brand}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(match.brand)}
          >
            {/* In the page's script (「云栖家居」 on a Chinese page), as the search matched it. */}
            <span>{keyLabel('brand', match.brand, locale)}</span>
            <span className="muted" title={strings.brandGmvScope}>
              {formatMoneyCompact(match.gmv, locale)}
            </span>
          </button>
        </li>
      ))}
      {search && query.isSuccess && matches.length === 0 ? <li className="muted">{strings.noMatch}</li> : null}
      {query.error ? (
        <li>
          <ErrorNote error={query.error} label={strings.failed} />
        </li>
      ) : null}
    </ul>
  )
}
