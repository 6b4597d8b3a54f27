/** The two languages of the wall. */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** `?lang=` wins; otherwise the first browser language that is Chinese or English; otherwise zh-CN. */
export function resolveLocale(param: string | null | undefined, browserLanguages: readonly string[] = []): Locale {
  const pick = (tag: string): Locale | undefined => {
    const lower = tag.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
    return undefined
  }
  if (param) {
    const chosen = pick(param)
    if (chosen) return chosen
  }
  for (const tag of browserLanguages) {
    const chosen = pick(tag)
    if (chosen) return chosen
  }
  return 'zh-CN'
}
