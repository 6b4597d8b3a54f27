/**
 * Helpers for the explorer and presenter browser tests: a Chromium that enforces the server's
 * CSP (unlike the wall's harness, these pages must prove they run under it), downloads read
 * back from disk, and the size of a PNG read from its header.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { type Browser, launchBrowser } from './screenHarness.ts'

/** The analyst pages' browser: the server's CSP in force, downloads and the clipboard allowed. */
export const launchStrictBrowser = (): Promise<Browser> =>
  launchBrowser({ enforceCsp: true, viewport: { width: 1600, height: 1000 }, exports: true })

/** Clicks what starts a download and answers the downloaded file's name and bytes. */
export async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [started] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click(selector)])
  const path = await started.path()
  return { name: started.suggestedFilename(), bytes: readFileSync(path) }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG')
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

export async function getJsonFrom<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

export async function getTextFrom(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return response.text()
}
