/** Colours and sizes shared by the option builders (the wall is dark and read from across a room). */
export const THEME = {
  text: '#e8ecf5',
  muted: '#8a93a8',
  grid: 'rgba(255,255,255,0.08)',
  accent: '#ff6a00',
  accentSoft: 'rgba(255,106,0,0.25)',
  lastYear: '#5b8ff9',
  up: '#2fd180',
  down: '#ff4d4f',
  palette: [
    '#ff6a00',
    '#ffb800',
    '#5b8ff9',
    '#2fd180',
    '#b37feb',
    '#13c2c2',
    '#f759ab',
    '#a0d911',
    '#fa8c16',
    '#597ef7',
  ],
  fontSize: 18,
  /** The page's stack (styles.css), so chart text reads in the same face as the page's, curly quotes included. */
  fontFamily: '"Latin Quotes","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif',
} as const

/** Plot a CNY decimal string: the one place an amount becomes a float, for pixels only. */
export const plotAmount = (amount: string): number => Number(amount)
