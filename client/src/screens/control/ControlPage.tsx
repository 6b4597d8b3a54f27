import {
  describeScene,
  formatMoment,
  keyLabel,
  type Locale,
  type SceneCommandInput,
  SPOTLIGHT_DIMENSIONS,
  type SpotlightDimension,
} from '@gmv-pulse/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { brandSearchQuery, topQuery } from '../../data/analystQueries.ts'
import { useCampaignQuery } from '../../data/queries.ts'
import '../../ui/analyst.css'
import { freezeCommand, inStep, lagText, sceneCommand, screenHealth, silentFor } from './controlModel.ts'
import { CONTROL_STRINGS, type ControlStrings } from './strings.ts'
import { type ControlLink, useControlLink } from './useControlLink.ts'
import './control.css'

/** Session storage only: the token is gone when the tab closes, and is never in a URL or a log. */
const TOKEN_KEY = 'gmv-pulse-control-token'
/** One brand search per pause in typing, not one per letter. */
const SEARCH_DEBOUNCE_MS = 200
/** Suggestions under the value field: enough to pick from, short enough to scan. */
const SUGGESTIONS = 12

function useStoredToken(): [string | null, (token: string | null) => void] {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY))
  const change = (next: string | null) => {
    if (next) sessionStorage.setItem(TOKEN_KEY, next)
    else sessionStorage.removeItem(TOKEN_KEY)
    setToken(next)
  }
  return [token, change]
}

export function ControlPage({ locale }: { locale: Locale }) {
  const strings = CONTROL_STRINGS[locale]
  const [token, setToken] = useStoredToken()
  const link = useControlLink(token)
  const wallHref = `/${window.location.search}`

  return (
    <div className="analyst control" data-testid="control">
      <header className="control-head">
        <h1>{strings.title}</h1>
        {token ? (
          <span className={`link-status link-${link.status}`} data-testid="link-status" data-status={link.status}>
            {strings[link.status]}
          </span>
        ) : null}
        <a href={wallHref}>{strings.wall}</a>
        {token ? (
          <button type="button" onClick={() => setToken(null)}>
            {strings.signOut}
          </button>
        ) : null}
      </header>
      {!token || link.status === 'refused' ? (
        <TokenForm strings={strings} error={token ? link.error : null} onSubmit={setToken} />
      ) : (
        <Remote link={link} strings={strings} locale={locale} />
      )}
    </div>
  )
}

function TokenForm({
  strings,
  error,
  onSubmit,
}: {
  strings: ControlStrings
  error: string | null
  onSubmit: (token: string) => void
}) {
  const [text, setText] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim()) onSubmit(text.trim())
  }
  return (
    <form className="control-card token-form" onSubmit={submit}>
      <label>
        {strings.tokenLabel}
        <input
          type="password"
          autoComplete="off"
          data-testid="control-token"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="submit" data-testid="control-connect">
        {strings.connect}
      </button>
      <p className="muted">{strings.tokenHint}</p>
      {error ? (
        <p className="error-note" role="alert" data-testid="control-error">
          {error}
        </p>
      ) : null}
    </form>
  )
}

function Remote({ link, strings, locale }: { link: ControlLink; strings: ControlStrings; locale: Locale }) {
  const [dimension, setDimension] = useState<SpotlightDimension>('brand')
  const [value, setValue] = useState('')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [message, setMessage] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const current = link.list?.scene ?? null

  const send = async (command: SceneCommandInput) => {
    setBusy(true)
    const response = await link.send(command)
    setBusy(false)
    setFailure(response.ok ? null : response.error.message)
  }
  const disabled = busy || link.status !== 'connected'

  return (
    <>
      <section className="control-card" aria-label={strings.nowShowing}>
        <div className="now-showing">
          {strings.nowShowing}:{' '}
          <strong data-testid="current-scene" data-scene={current?.scene ?? ''} data-frozen={String(current?.frozen)}>
            {current ? describeScene(current) : '—'}
          </strong>
          {current?.frozen ? <span className="frozen-tag">{strings.frozen}</span> : null}
        </div>
        {failure ? (
          <p className="error-note" role="alert" data-testid="command-error">
            {failure}
          </p>
        ) : null}
      </section>

      <section className="control-card scenes">
        <h2>{strings.scenes}</h2>
        <div className="scene-row">
          <button
            type="button"
            data-testid="scene-overview"
            disabled={disabled}
            onClick={() => send(sceneCommand({ scene: 'overview' }))}
          >
            {strings.overview}
          </button>
        </div>
        <form
          className="scene-row"
          onSubmit={(event) => {
            event.preventDefault()
            if (value.trim()) void send(sceneCommand({ scene: 'spotlight', dimension, value: value.trim() }))
          }}
        >
          <select
            aria-label={strings.spotlight}
            data-testid="spotlight-dimension"
            value={dimension}
            onChange={(event) => {
              setDimension(event.target.value as SpotlightDimension)
              setValue('')
            }}
          >
            {SPOTLIGHT_DIMENSIONS.map((option) => (
              <option key={option} value={option}>
                {strings[option]}
              </option>
            ))}
          </select>
          <SpotlightValue dimension={dimension} value={value} onChange={setValue} strings={strings} locale={locale} />
          <button type="submit" data-testid="scene-spotlight" disabled={disabled || !value.trim()}>
            {strings.spotlight}
          </button>
        </form>
        <form
          className="scene-row"
          onSubmit={(event) => {
            event.preventDefault()
            void send(sceneCommand({ scene: 'headline', title: title.trim(), body: body.trim() }))
          }}
        >
          <input
            aria-label={strings.headlineTitle}
            placeholder={strings.headlineTitle}
            data-testid="headline-title"
            maxLength={80}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <input
            aria-label={strings.headlineBody}
            placeholder={strings.headlineBody}
            data-testid="headline-body"
            maxLength={200}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          <button type="submit" data-testid="scene-headline" disabled={disabled}>
            {strings.headline}
          </button>
        </form>
        <form
          className="scene-row freeze-row"
          onSubmit={(event) => {
            event.preventDefault()
            if (current) void send(freezeCommand(current, true, message))
          }}
        >
          <input
            aria-label={strings.freezeMessage}
            placeholder={strings.freezeMessage}
            data-testid="freeze-message"
            maxLength={140}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
          <button type="submit" data-testid="freeze" disabled={disabled || !current}>
            {strings.freeze}
          </button>
          <button
            type="button"
            data-testid="release"
            disabled={disabled || !current?.frozen}
            onClick={() => current && send(freezeCommand(current, false, ''))}
          >
            {strings.release}
          </button>
        </form>
      </section>

      <ScreensTable link={link} strings={strings} locale={locale} />
    </>
  )
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * The spotlight's value with suggestions: brands from the typeahead search, regions and
 * categories from the campaign's own top list. Free text still works when the read API is
 * closed to this page (no viewer token): the server checks the value either way.
 */
function SpotlightValue({
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
            label={dimension === 'brand' ? undefined : keyLabel(dimension, option, locale)}
          />
        ))}
      </datalist>
    </>
  )
}

function ScreensTable({ link, strings, locale }: { link: ControlLink; strings: ControlStrings; locale: Locale }) {
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
