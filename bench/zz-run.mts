import { benchQueries } from './queries.ts'
import { toMarkdown } from './report.ts'

const quick = process.argv.includes('--quick')
const figures = await benchQueries({ quick })
process.stdout.write(toMarkdown({ startedAt: new Date().toISOString(), quick, machine: {}, figures }))
