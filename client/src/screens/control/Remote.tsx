import type { Locale } from '@gmv-pulse/shared'
import { sceneCommand } from './controlModel.ts'
import { FreezeForm } from './FreezeForm.tsx'
import { HeadlineForm } from './HeadlineForm.tsx'
import { NowShowing } from './NowShowing.tsx'
import { ScreensTable } from './ScreensTable.tsx'
import { SpotlightForm } from './SpotlightForm.tsx'
import type { ControlStrings } from './strings.ts'
import type { ControlLink } from './useControlLink.ts'
import { useSceneSender } from './useSceneSender.ts'

/** Signed in: what the walls show, the scenes to switch them to, and the screens connected. */
export function Remote({ link, strings, locale }: { link: ControlLink; strings: ControlStrings; locale: Locale }) {
  const { send, failure, disabled } = useSceneSender(link)
  const current = link.list?.scene ?? null
  const form = { send, disabled, strings }
  return (
    <>
      <NowShowing current={current} failure={failure} strings={strings} />
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
        <SpotlightForm {...form} locale={locale} />
        <HeadlineForm {...form} />
        <FreezeForm current={current} {...form} />
      </section>
      <ScreensTable link={link} strings={strings} locale={locale} />
    </>
  )
}
