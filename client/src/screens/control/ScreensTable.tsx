import { describeScene, formatMoment, type Locale } from '@gmv-pulse/shared'
import { useCampaignQuery } from '../../data/queries.ts'
import { inStep, lagText, screenHealth, silentFor } from './controlModel.ts'
import type { ControlStrings } from './strings.ts'
import type { ControlLink } from './useControlLink.ts'

/** The connected screens: their heartbeat's round trip, what each shows, and a way to drop one. */
export function ScreensTable({
  link,
  strings,
  locale,
}: {
  link: ControlLink
  strings: ControlStrings
  locale: Locale
}) {
  // Times on the campaign's clock, as on the wall the screens show.
  const timeZone = useCampaignQuery().data?.timeZone ?? 'Asia/Shanghai'
  const list = link.list
  if (!list) return null
  return (
    <section className="control-card">
      <h2>
        {strings.screens} <span className="muted">({list.screens.length})</span>
      </h2>
      {list.screens.length === 0 ? (
        <p className="muted">{strings.noScreens}</p>
      ) : (
        <table className="screens-table" data-testid="screens">
          <thead>
            <tr>
              <th>{strings.screen}</th>
              <th>{strings.lag}</th>
              <th>{strings.lastSeen}</th>
              <th>{strings.showing}</th>
              <th>{strings.language}</th>
              <th>{strings.viewport}</th>
              <th>{strings.connectedAt}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.screens.map((screen) => {
              const health = screenHealth(screen, list.serverTime)
              return (
                <tr
                  key={`${screen.id}-${screen.connectedAt}`}
                  data-testid="screen-row"
                  data-label={screen.label}
                  data-health={health}
                >
                  <td>
                    {screen.label} <span className="muted">{screen.id}</span>
                  </td>
                  <td data-testid="screen-lag" data-lag-ms={screen.lagMs ?? ''} className={`health-${health}`}>
                    {lagText(screen.lagMs)} · {strings[health]}
                  </td>
                  <td>
                    {silentFor(screen, list.serverTime)} {strings.secondsAgo}
                  </td>
                  <td>
                    {screen.scene ? describeScene(screen.scene) : '—'}{' '}
                    <span className="muted">{inStep(screen, list.scene) ? strings.inStep : strings.behind}</span>
                  </td>
                  <td>{screen.lang}</td>
                  <td>
                    {screen.viewport.width}×{screen.viewport.height}
                  </td>
                  <td data-testid="screen-connected">
                    {formatMoment(screen.connectedAt, timeZone, locale, Date.parse(list.serverTime))}
                  </td>
                  <td>
                    <button type="button" data-testid="screen-drop" onClick={() => void link.drop(screen.id)}>
                      {strings.drop}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
