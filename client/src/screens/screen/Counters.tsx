import { formatCount, type Locale } from '@gmv-pulse/shared'

export interface Counter {
  label: string
  value: number | null
  testId: string
}

export function Counters({ counters, locale }: { counters: readonly Counter[]; locale: Locale }) {
  return (
    <div className="counters">
      {counters.map((counter) => (
        <div key={counter.testId} className="counter" data-testid={counter.testId}>
          <div className="counter-value">{counter.value === null ? '—' : formatCount(counter.value, locale)}</div>
          <div className="counter-label">{counter.label}</div>
        </div>
      ))}
    </div>
  )
}
