import { type Locale, resolveLocale } from '@gmv-pulse/shared'

export interface ScreenParams {
  locale: Locale
  /** `?kiosk=0` shows the cursor (for setting up the wall); kiosk is the default. */
  kiosk: boolean
}

export function readScreenParams(search: string, browserLanguages: readonly string[]): ScreenParams {
  const params = new URLSearchParams(search)
  return { locale: resolveLocale(params.get('lang'), browserLanguages), kiosk: params.get('kiosk') !== '0' }
}
