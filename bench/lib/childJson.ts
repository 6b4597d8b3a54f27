import { spawn } from 'node:child_process'

/** Runs a bench helper script in its own process with one JSON argument and parses its one JSON line. */
export async function runChildJson<T>(script: string, options: unknown, env: Record<string, string> = {}): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  const code = await new Promise((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(`${script} exited with ${code}`)
  return JSON.parse(output) as T
}
