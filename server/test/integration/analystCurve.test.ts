import { type CampaignCurve, campaignCurveSchema, fromFen, type OrderInput } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import {
  analystServerForFile,
  CAMPAIGN_END,
  CAMPAIGN_START,
  fenOf,
  getJson,
  getOk,
  inRange,
  LAST_YEAR,
  LAST_YEAR_START,
  OFFSET_MS,
  THIS_YEAR,
} from './analystFixtures.ts'

const server = analystServerForFile()

const curve = (query: Record<string, string> = {}): Promise<CampaignCurve> =>
  getOk(server().url, '/api/v1/curve', query, campaignCurveSchema)

/** Every point is the exact GMV from the campaign start up to it, this year and last year at the same offset. */
function expectCumulative(answer: CampaignCurve, keep: (order: OrderInput) => boolean) {
  expect(answer.thisYear[0]).toEqual({ t: new Date(CAMPAIGN_START).toISOString(), gmv: '0.00' })
  for (const point of answer.thisYear) {
    expect(point.gmv).toBe(fromFen(fenOf(inRange(THIS_YEAR.filter(keep), CAMPAIGN_START, Date.parse(point.t)))))
  }
  for (const point of answer.lastYear) {
    const lastYearTo = Date.parse(point.t) - OFFSET_MS
    expect(point.gmv).toBe(fromFen(fenOf(inRange(LAST_YEAR.filter(keep), LAST_YEAR_START, lastYearTo))))
  }
  // The campaign is over: both curves reach its end, and end at the window's totals.
  expect(answer.thisYear.at(-1)?.t).toBe(new Date(CAMPAIGN_END).toISOString())
  expect(answer.lastYear.at(-1)?.t).toBe(new Date(CAMPAIGN_END).toISOString())
  expect(answer.thisYear.at(-1)?.gmv).toBe(
    fromFen(fenOf(inRange(THIS_YEAR.filter(keep), CAMPAIGN_START, CAMPAIGN_END))),
  )
}

describe('GET /api/v1/curve', () => {
  test('the campaign so far, hour by hour, summed exactly, beside last year at the same offset', async () => {
    const answer = await curve()
    expect(answer.interval).toBe('1h')
    expect(answer.timeZone).toBe('Asia/Shanghai')
    expect(answer.thisYear).toHaveLength(25)
    expectCumulative(answer, () => true)
  })

  test('a category by the hour; a brand, kept by the day only, by the day', async () => {
    expectCumulative(await curve({ category: 'Beauty' }), (order) => order.category === 'Beauty')
    const brand = await curve({ brand: 'Acme' })
    expect(brand.interval).toBe('1d')
    expectCumulative(brand, (order) => order.brand === 'Acme')
  })

  test('an unknown parameter is refused in the one error shape', async () => {
    const { status, body } = await getJson<{ error: { code: string } }>(`${server().url}/api/v1/curve?interval=1m`)
    expect(status).toBe(400)
    expect(body.error.code).toBe('bad_request')
  })
})
