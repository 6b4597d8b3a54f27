import { formatClock } from '@gmv-pulse/shared'
import type { ReactNode } from 'react'
import { ErrorBoundary } from 'react-error-boundary'
import type { Strings } from './strings.ts'

export interface PanelProps {
  title: string
  /** Latest event time behind the panel's numbers; every panel shows it. */
  asOf: string | null
  timeZone: string
  strings: Strings
  className?: string
  aside?: ReactNode
  children: ReactNode
}

export function Panel({ title, asOf, timeZone, strings, className, aside, children }: PanelProps) {
  return (
    <section className={`panel ${className ?? ''}`}>
      <header className="panel-head">
        <h2>{title}</h2>
        {aside}
        <span className="as-of">
          {strings.asOf} {asOf ? formatClock(asOf, timeZone) : '—'}
        </span>
      </header>
      <div className="panel-body">
        {/* One panel that fails to draw says so; the wall around it keeps ticking, and the panel
            tries again with the next snapshot. */}
        <ErrorBoundary fallback={<div className="empty">{strings.panelFailed}</div>} resetKeys={[asOf]}>
          {children}
        </ErrorBoundary>
      </div>
    </section>
  )
}
