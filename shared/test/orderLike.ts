import fc from 'fast-check'

/** Usually the valid arbitrary, sometimes one of the hostile ones: each field is wrong now and then. */
const mostly = <T>(valid: fc.Arbitrary<T>, ...wrong: fc.Arbitrary<unknown>[]) =>
  fc.oneof(
    { arbitrary: valid as fc.Arbitrary<unknown>, weight: 30 },
    ...wrong.map((arbitrary) => ({ arbitrary, weight: 1 })),
  )

const label = (max: number) =>
  mostly(
    fc.string({ minLength: 1, maxLength: max }),
    fc.string({ minLength: 0, maxLength: max + 2 }),
    fc.constantFrom('a\tb', '', 'x'.repeat(max + 1), '\u0000', 'ok\u007f', 'ok\u0085', 'line\nbreak', '\ud800', 42),
    // Characters above U+FFFF: one character each to the schema, two to a string's length in JavaScript.
    fc.string({ unit: 'binary', minLength: 1, maxLength: max }),
    fc.constantFrom('😀'.repeat(max / 2), `${'😀'.repeat(max / 2)}x`, '品牌'.repeat(max / 2), null, true, {}, []),
  )

/**
 * Orders as producers send them, mostly valid, with every field sometimes wrong in a plausible or
 * hostile way: for property tests that hold a check of the order contract against the schema.
 */
export const orderLike = fc.record(
  {
    orderId: mostly(fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/), fc.string(), fc.constant('x'.repeat(65))),
    ts: mostly(
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) - 1 }),
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2110, 0, 1) }),
      fc.double(),
      fc.constantFrom('2020-11-11T00:00:00+08:00', '2020-11-11T00:00:00', 1605024000000.5, -1, null),
      // Epoch milliseconds written as a string, in the forms a number takes.
      fc.constantFrom('1605024000000', '1.605024e12', '+1605024000000', '1605024000000.0', ' 1605024000000', '0x1'),
      fc.constantFrom(1.605024e12, 1e300, 2 ** 64 + 1, true, [], {}),
    ),
    amount: mostly(
      fc.oneof(
        fc.integer({ min: 1, max: 1_000_000_000 }).map((fen) => (fen / 100).toFixed(2)),
        fc.integer({ min: 1, max: 1_000_000_000 }).map((fen) => fen / 100),
      ),
      fc.integer({ min: -5, max: 1_100_000_000 }).map((fen) => (fen / 100).toFixed(2)),
      fc.double(),
      fc.string(),
      fc.constantFrom('0', '0.00', '1e3', '1.001', '10000000', '10000000.01', ' 1', '01.5', Number.NaN, true),
    ),
    currency: mostly(fc.constantFrom('CNY', 'USD'), fc.constantFrom('usd', 'EURO', ''), fc.string()),
    quantity: mostly(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.integer({ min: -1, max: 1_000_001 }),
      fc.double(),
      fc.constantFrom(
        '2',
        '2.0',
        '2e0',
        '+2',
        '0x2',
        '2.5',
        'two',
        ' 2',
        '',
        true,
        null,
        2 ** 64 + 1,
        2.0,
        1e6,
        1e6 + 1,
      ),
    ),
    brand: label(128),
    category: label(64),
    channel: label(64),
    liveRoom: label(128),
    region: mostly(
      fc.constantFrom('CN-ZJ', 'SG', 'US', 'CN-HK', 'HK'),
      fc.constantFrom('CN-XX', 'CN', 'cn-zj', 'ZZ', ''),
    ),
    brandOrigin: mostly(fc.constantFrom('domestic', 'overseas'), fc.constantFrom('alien', '')),
    buyerId: label(64),
  },
  { requiredKeys: ['orderId', 'ts', 'amount', 'brand', 'category', 'channel', 'region'] },
)
