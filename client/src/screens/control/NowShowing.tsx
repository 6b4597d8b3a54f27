import { describeScene, type WallScene } from '@gmv-pulse/shared'
import type { ControlStrings } from './strings.ts'

/** What the walls show now, and why the last command was refused. */
export function NowShowing({
  current,
  failure,
  strings,
}: {
  current: WallScene | null
  failure: string | null
  strings: ControlStrings
}) {
  return (
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
  )
}
