/** A progress bar with rate and ETA on stderr: redrawn in place on a terminal, a line every few seconds otherwise. */
export interface Progress {
  update(done: number): void
  finish(done: number): void
}

const formatCount = (n: number) => Math.round(n).toLocaleString('en-US')

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  if (seconds < 60) return `${Math.ceil(seconds)}s`
  const minutes = Math.floor(seconds / 60)
  return minutes < 60
    ? `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`
}

export function createProgress(options: { total: number; label: string; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr
  const startedAt = performance.now()
  // A terminal can take 10 redraws a second; a log file should not get more than one line per 5 s.
  const interval = stream.isTTY ? 100 : 5000
  let lastDrawn = 0
  const line = (done: number) => {
    const elapsed = (performance.now() - startedAt) / 1000
    const fraction = options.total > 0 ? Math.min(1, done / options.total) : 1
    const rate = elapsed > 0 ? done / elapsed : 0
    const eta = rate > 0 ? (options.total - done) / rate : Number.POSITIVE_INFINITY
    const width = 30
    const filled = Math.round(fraction * width)
    return `${options.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(1)}% ${formatCount(done)}/${formatCount(options.total)} orders ${formatCount(rate)}/s ETA ${formatDuration(eta)}`
  }
  const draw = (done: number, final: boolean) => {
    if (stream.isTTY) stream.write(`\r${line(done)}\u001b[K${final ? '\n' : ''}`)
    else stream.write(`${line(done)}\n`)
  }
  return {
    update(done) {
      const now = performance.now()
      if (now - lastDrawn < interval) return
      lastDrawn = now
      draw(done, false)
    },
    finish(done) {
      draw(done, true)
    },
  }
}
