/** The one formatting module for numbers, money and time: the screen, the explorer and exports use it. */

export * from './axis.ts'
export * from './brandNames.ts'
export * from './brandSearch.ts'
export * from './decimal.ts'
export * from './keyLabels.ts'
export * from './locale.ts'
export * from './money.ts'
export * from './numbers.ts'
export * from './thresholdLabel.ts'
export * from './time.ts'
export * from './units.ts'
