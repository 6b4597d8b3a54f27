import type { Locale } from '@gmv-pulse/shared'
import type { ComponentProps } from 'react'
import { Chart } from '../../charts/Chart.tsx'
import type { Strings } from './strings.ts'

/**
 * A panel's chart, or why there is none: no snapshot yet (waiting for data), or a figure the
 * store keeps no rollup for under this spotlight (said so, never drawn as zero).
 */
export function PanelChart({
  option,
  loaded,
  label,
  locale,
  strings,
}: {
  option: ComponentProps<typeof Chart>['option'] | null | undefined
  /** A snapshot has arrived: a missing option then means "not kept", not "not yet". */
  loaded: boolean
  label: string
  locale: Locale
  strings: Strings
}) {
  if (option) return <Chart option={option} locale={locale} label={label} />
  return <div className="empty">{loaded ? strings.notKept : strings.noData}</div>
}
