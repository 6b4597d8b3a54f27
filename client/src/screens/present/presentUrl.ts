/** The presenter's cutoff in the URL: `?at=<ISO>`; absent means now. Other parameters are kept. */
export function parseCutoff(search: string): number | null {
  const value = new URLSearchParams(search).get('at')
  if (!value) return null
  const ms = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

export function serializeCutoff(at: number | null, base: string): string {
  const params = new URLSearchParams(base)
  if (at === null) params.delete('at')
  else params.set('at', new Date(at).toISOString())
  return params.toString()
}
