import { fromLocalInput, toLocalInput } from '../../ui/localInput.ts'
import type { ExplorerState } from './explorerState.ts'
import type { ExplorerStrings } from './strings.ts'

/** Follow live, or freeze every figure at an instant (editable, in the campaign's zone). */
export function FreezeField({
  state,
  onChange,
  timeZone,
  now,
  strings,
}: {
  state: ExplorerState
  onChange: (next: ExplorerState) => void
  timeZone: string
  now: number
  strings: ExplorerStrings
}) {
  return (
    <div className="field">
      <span>{state.frozenAt === null ? strings.live : strings.frozen}</span>
      <div className="freeze">
        {state.frozenAt === null ? (
          <button type="button" data-testid="freeze" onClick={() => onChange({ ...state, frozenAt: now })}>
            {strings.freeze}
          </button>
        ) : (
          <>
            <input
              type="datetime-local"
              data-testid="frozen-at"
              value={toLocalInput(state.frozenAt, timeZone)}
              onChange={(event) => {
                const ms = fromLocalInput(event.target.value, timeZone)
                if (ms !== null) onChange({ ...state, frozenAt: ms })
              }}
            />
            <button type="button" data-testid="resume" onClick={() => onChange({ ...state, frozenAt: null })}>
              {strings.resume}
            </button>
          </>
        )}
      </div>
    </div>
  )
}
