import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/**
 * What a process costs, read from Linux's /proc by its pid: the same figures for the server, a
 * relay, Redis and the viewer processes, read from outside so none of them measures itself.
 */

/** Clock ticks per second of /proc/<pid>/stat's times (100 on every usual Linux; asked once). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** CPU time the process has used so far, user + system, in seconds (NaN once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return Number.NaN
  }
}

/** A field of /proc/<pid>/status in KiB (VmRSS, VmHWM), NaN once the process is gone. */
export function statusKiB(pid: number, field: string): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))
    return match ? Number(match[1]) : Number.NaN
  } catch {
    return Number.NaN
  }
}

/** Files (sockets included) the process holds open now. */
export function openFiles(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length
  } catch {
    return Number.NaN
  }
}

/** The process's limit on open files (soft, which Node raises to the hard limit at start). */
export function openFileLimit(pid: number): number {
  try {
    const match = readFileSync(`/proc/${pid}/limits`, 'utf8').match(/Max open files\s+(\d+)/)
    return match ? Number(match[1]) : Number.NaN
  } catch {
    return Number.NaN
  }
}
