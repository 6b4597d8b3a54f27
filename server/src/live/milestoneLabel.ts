/**
 * A milestone's label as the war room says it: "¥100亿". Chinese units are the festival's
 * own language; screens in other languages re-format from the threshold.
 */
const compact = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 1 })

export function milestoneLabel(threshold: string): string {
  return `¥${compact.format(Number(threshold))}`
}
