import { errorBodySchema } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { ALL_ORDERS, analystServerForFile, CAMPAIGN_START } from './analystFixtures.ts'

const server = analystServerForFile()

async function expectBadRequest(path: string, field?: string) {
  const response = await fetch(`${server().url}${path}`)
  const body = await response.json()
  expect(response.status, `${path} → ${JSON.stringify(body)}`).toBe(400)
  const { error } = errorBodySchema.parse(body)
  expect(error).toMatchObject({ code: 'bad_request', status: 400 })
  if (field)
    expect(
      error.details?.map((detail) => detail.field),
      path,
    ).toContain(field)
}

async function storedOrders(): Promise<number> {
  const [row] = await server().store.select<{ orders: number }>(
    `SELECT count() AS orders FROM ${server().store.db}.orders`,
  )
  return Number(row?.orders)
}

const INJECTIONS = [
  "x' OR 1=1 --",
  "x') UNION ALL SELECT name, 1, 1 FROM system.tables --",
  '1; DROP TABLE orders',
  'brand} OR 1=1 {x:String',
  "\\'; SELECT 1; --",
]

describe('bad parameters answer 400 in the one error shape', () => {
  test.each([
    ['/api/v1/timeseries?interval=2m', 'interval'],
    ['/api/v1/timeseries?from=yesterday', 'from'],
    ['/api/v1/timeseries?from=2020-11-11T00:00:00', 'from'],
    [`/api/v1/timeseries?from=${CAMPAIGN_START}&to=${CAMPAIGN_START - 1}`, 'from'],
    ['/api/v1/timeseries?to=99999999999999', 'to'],
    ['/api/v1/timeseries?region=Atlantis', 'region'],
    ['/api/v1/timeseries?brand=a&brand=b', 'brand'],
    ['/api/v1/timeseries?colour=red', undefined],
    ['/api/v1/timeseries?interval=1s', 'interval'],
    ['/api/v1/top', 'dimension'],
    ['/api/v1/top?dimension=buyer_id', 'dimension'],
    ['/api/v1/top?dimension=brand&sort=amount', 'sort'],
    ['/api/v1/top?dimension=brand&limit=0', 'limit'],
    ['/api/v1/top?dimension=brand&limit=-1', 'limit'],
    ['/api/v1/top?dimension=brand&limit=1.5', 'limit'],
    ['/api/v1/top?dimension=brand&limit=1000000', 'limit'],
    ['/api/v1/brands', 'search'],
    ['/api/v1/brands?search=', 'search'],
    ['/api/v1/brands?search=a&limit=51', 'limit'],
    [`/api/v1/brands?search=${'x'.repeat(129)}`, 'search'],
    ['/api/v1/headline?at=soon', 'at'],
    ['/api/v1/headline?at=2020-11-11', 'at'],
  ])('%s', async (path, field) => {
    await expectBadRequest(path, field)
  })
})

describe('SQL injection attempts change nothing and match nothing', () => {
  for (const attempt of INJECTIONS) {
    const value = encodeURIComponent(attempt)
    test(`filter values: ${attempt}`, async () => {
      for (const dimension of ['brand', 'category', 'channel', 'liveRoom']) {
        const series = await fetch(`${server().url}/api/v1/timeseries?interval=1h&${dimension}=${value}`)
        expect(series.status).toBe(200)
        const body = (await series.json()) as { points: { orders: number }[] }
        expect(body.points.every((point) => point.orders === 0)).toBe(true)
        const top = await fetch(`${server().url}/api/v1/top?dimension=brand&${dimension}=${value}`)
        expect(await top.json()).toMatchObject({ total: { orders: 0 }, rows: [] })
      }
      await expectBadRequest(`/api/v1/top?dimension=brand&region=${value}`, 'region')
    })

    test(`identifiers, numbers and times: ${attempt}`, async () => {
      await expectBadRequest(`/api/v1/top?dimension=${value}`, 'dimension')
      await expectBadRequest(`/api/v1/top?dimension=brand&sort=${value}`, 'sort')
      await expectBadRequest(`/api/v1/top?dimension=brand&limit=${value}`, 'limit')
      await expectBadRequest(`/api/v1/timeseries?interval=${value}`, 'interval')
      await expectBadRequest(`/api/v1/timeseries?from=${value}`, 'from')
      await expectBadRequest(`/api/v1/top?dimension=brand&to=${value}`, 'to')
      await expectBadRequest(`/api/v1/headline?at=${value}`, 'at')
    })

    test(`brand search text: ${attempt}`, async () => {
      const response = await fetch(`${server().url}/api/v1/brands?search=${value}`)
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ brands: [] })
    })
  }

  test('every order is still stored after the attempts', async () => {
    expect(await storedOrders()).toBe(ALL_ORDERS.length)
  })
})
