import type { Locale } from '@gmv-pulse/shared'
import '../../ui/analyst.css'
import { Remote } from './Remote.tsx'
import { CONTROL_STRINGS } from './strings.ts'
import { TokenForm } from './TokenForm.tsx'
import { useControlLink } from './useControlLink.ts'
import { useStoredToken } from './useStoredToken.ts'
import './control.css'

/** The wall's remote control: sign in with a control token, then drive every wall at once. */
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
