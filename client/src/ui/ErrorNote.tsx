import { ApiError } from '../data/ApiError.ts'

/** A failed request said in place, over whatever the panel last showed: never a blank panel. */
export function ErrorNote({ error, label, onRetry }: { error: unknown; label: string; onRetry?: () => void }) {
  if (!error) return null
  const detail =
    error instanceof ApiError
      ? `${error.status || ''} ${error.message}`.trim()
      : error instanceof Error
        ? error.message
        : String(error)
  return (
    <div className="error-note" role="alert" data-testid="error-note">
      <span>
        {label}: {detail}
      </span>
      {onRetry && !(error instanceof ApiError && error.isClientError) ? (
        <button type="button" onClick={onRetry}>
          ↻
        </button>
      ) : null}
    </div>
  )
}
