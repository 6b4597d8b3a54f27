export interface Toast {
  id: string
  text: string
  tone: 'milestone' | 'correction'
}

/** Milestone and correction notices; each disappears by itself, nothing needs a click. */
export function Toasts({ toasts }: { toasts: readonly Toast[] }) {
  return (
    <div className="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} data-testid={`toast-${toast.tone}`}>
          {toast.text}
        </div>
      ))}
    </div>
  )
}
