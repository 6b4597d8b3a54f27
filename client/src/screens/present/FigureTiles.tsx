import { formatClock } from '@gmv-pulse/shared'
import type { Figure } from './figures.ts'
import type { PresenterStrings } from './strings.ts'

/** The headline figures as tiles, each with its exact value (for checks) and its own as-of time. */
export function FigureTiles({
  figures,
  cutoff,
  timeZone,
  strings,
}: {
  figures: Figure[]
  cutoff: string
  timeZone: string
  strings: PresenterStrings
}) {
  return (
    <section className="figures" data-testid="figures" data-cutoff={cutoff}>
      {figures.map((figure) => (
        <div key={figure.id} className="figure" data-testid={`figure-${figure.id}`} data-value={figure.exact}>
          <div className="figure-value">{figure.text}</div>
          <div className="figure-label">{figure.label}</div>
          <div className="figure-as-of muted">
            {strings.asOf} {figure.asOf ? formatClock(figure.asOf, timeZone) : '—'}
          </div>
        </div>
      ))}
    </section>
  )
}
