import type { Locale } from './locale.ts'

/**
 * The simulator's brand names in both scripts, from one small bilingual vocabulary.
 *
 * Orders carry one `brand` key, the English name; the Chinese name is not sent but composed
 * from the same parts, so a wall in Chinese reads 「云栖家居」 where one in English reads
 * "Cloudhaven Home". Why composed rather than a table: 250,000 names in two scripts would
 * cost the screen megabytes, while the parts are a few kilobytes and a name is parsed back
 * into them in microseconds. A brand from any other producer has no parts and shows as sent.
 *
 * Domestic brands: an English compound of two stems and a category word, each stem one
 * character in Chinese (云 + 栖 + 家居). Overseas brands: three syllables, each one character
 * of a transliteration (Bel·la·ra → 贝拉拉), as 兰蔻 renders Lancôme. seed/src/brandNames.ts
 * picks the parts per seed; a test here checks that every name parses back to its parts
 * alone, so no two parts spell the same name in either script.
 */
type Pair = readonly [en: string, zh: string]

const pairs = (text: string): Pair[] =>
  text
    .trim()
    .split(/\s+/)
    .map((item) => {
      const [en, zh] = item.split('/')
      return [en as string, zh as string] as const
    })

/** First stems: capitalised, one Chinese character each. */
export const BRAND_STEMS_FIRST: readonly Pair[] = pairs(`
  Cloud/云 Jade/玉 Pine/松 Moon/月 Star/星 Snow/雪 Frost/霜 Maple/枫 Lotus/莲 Bamboo/竹 Plum/梅 Orchid/兰
  Peach/桃 Willow/柳 Stone/石 Gold/金 Silver/银 Pearl/珠 Amber/珀 Crane/鹤 Deer/鹿 Bear/熊 Tiger/虎
  Dragon/龙 Phoenix/凤 Lion/狮 Fish/鱼 Bee/蜂 Wind/风 Rain/雨 Dew/露 Mist/雾 Sky/天 Sea/海 Lake/湖
  Summit/峰 Forest/林 Leaf/叶 Tea/茶 Rice/禾 Wheat/麦 Honey/蜜 Dawn/晨 Dusk/暮 Autumn/秋 Summer/夏
  Winter/冬 Spring/春 Bright/明 Clear/清 Warm/暖 Sweet/甜 Swift/迅 Noble/尚 Grace/雅 True/真 Joy/悦
  Lucky/吉 Rich/丰 Ever/恒 Wise/睿 Brave/勇 Calm/宁 Kind/善 Zen/禅 Flame/焰 Thunder/雷 Rainbow/虹
  Sand/沙 Jasper/碧 Coral/珊 Iris/鸢 Rose/玫 Cedar/杉 Oak/橡 Elm/榆 Ivy/藤 Fern/蕨 Reed/苇 Cherry/樱
  Apricot/杏 Bloom/芳 Glory/荣 Harmony/和
`)

/** Second stems: joined to the first in lower case, one Chinese character each. */
export const BRAND_STEMS_SECOND: readonly Pair[] = pairs(`
  haven/栖 field/田 wood/木 brook/溪 ridge/岭 bay/湾 gate/门 well/井 wave/澜 shore/岸 vale/谷 path/径
  port/港 ford/渡 fall/瀑 spring/泉 light/光 song/吟 wing/翼 crest/冠 mark/印 hill/丘 land/原 mere/泊
  side/畔 garden/苑 hall/堂 house/舍 nest/巢 dale/坞 bridge/桥 tower/阁 sail/帆 ray/辉 glow/耀 step/步
  way/道 view/景 dream/梦 heart/心 time/时 cove/汀 isle/屿 pond/塘 root/根 bell/铃 cliff/崖 grove/园
  meadow/野 mill/坊 moss/苔 lane/巷
`)

/**
 * The word after the stems, by category (the simulator's, seed/src/catalog.ts), so a name
 * says what the brand sells. Every word is distinct across categories in both scripts, and
 * every Chinese one has at least two characters, so a domestic name (four or more) can never
 * read like an overseas one (three).
 */
export const BRAND_CATEGORY_WORDS: Readonly<Record<string, readonly Pair[]>> = {
  'Consumer Electronics': pairs(
    'Tech/科技 Digital/数码 Electronics/电子 Audio/声学 Mobile/移动 Optics/光学 Smart/智能 Labs/实验室 Sound/音频 Vision/视觉',
  ),
  'Home Appliances': pairs(
    'Appliances/电器 Electric/电气 Kitchen/厨电 Cooling/制冷 Cleaning/清洁电器 Climate/环境 Power/动力 Homeware/家电 Heating/暖通 Aqua/净水',
  ),
  'Beauty & Skincare': pairs(
    'Beauty/美妆 Cosmetics/彩妆 Skincare/护肤 Botanicals/植萃 Derma/肌研 Glow/焕颜 Essence/精粹 Aroma/香氛 Muse/悦己 Radiance/光采',
  ),
  Apparel: pairs(
    'Apparel/服饰 Fashion/时装 Wear/衣品 Knitwear/针织 Denim/牛仔 Tailors/定制 Style/风尚 Atelier/工坊 Threads/织物 Outfitters/衣橱',
  ),
  'Shoes & Bags': pairs(
    'Shoes/鞋业 Footwear/鞋履 Bags/箱包 Leather/皮具 Luggage/行李箱 Steps/步履 Walkers/行者 Sneakers/潮鞋 Totes/手袋 Carry/随行',
  ),
  'Food & Beverage': pairs(
    'Foods/食品 Snacks/零食 Pantry/食坊 Teahouse/茶业 Dairy/乳业 Bakery/烘焙 Orchard/果园 Farms/农场 Brewery/酿造 Grains/粮油',
  ),
  'Mother & Baby': pairs(
    'Baby/母婴 Kids/童品 Nursery/育婴 Cradle/摇篮 Tots/宝贝 Mama/妈咪 Infant/婴童 Toys/玩具 Junior/童趣 Bebe/贝贝',
  ),
  'Home & Furniture': pairs(
    'Home/家居 Furniture/家具 Living/生活 Decor/软装 Linen/家纺 Habitat/居所 Interiors/家装 Crafts/手作 Lighting/灯饰 Nook/小筑',
  ),
  'Sports & Outdoors': pairs(
    'Sports/体育 Outdoor/户外 Athletics/运动 Fitness/健身 Trail/越野 Active/动能 Cycle/骑行 Camp/露营 Runners/跑者 Gear/装备',
  ),
  'Health & Nutrition': pairs(
    'Health/健康 Nutrition/营养 Wellness/养生 Pharma/药业 Vitality/元气 Care/康护 Herbals/本草 Clinic/医疗 Bio/生物 Balance/平衡',
  ),
  Pets: pairs(
    'Pets/宠物 Paws/萌爪 Petcare/宠护 Companion/伴宠 Tails/尾巴 Kitty/喵星 Pup/汪星 Critters/萌宠 Furry/毛孩 Petfood/宠粮',
  ),
  Luxury: pairs(
    'Jewels/珠宝 Couture/高定 Watches/钟表 Gems/宝石 Luxe/奢品 Heritage/世家 Goldsmiths/金饰 Collection/典藏 Prestige/尊品 Salon/雅集',
  ),
  Automotive: pairs(
    'Auto/车品 Motors/汽配 Drive/驾趣 Garage/车坊 Wheels/轮业 Carcare/车护 Roads/路途 Autotech/车联 Tyres/轮胎 Pilot/领航',
  ),
  'Books & Media': pairs(
    'Books/书局 Press/出版 Media/传媒 Reads/读物 Stationery/文具 Papers/纸业 Music/音乐 Inkworks/墨坊 Library/书房 Studio/工作室',
  ),
  'Household Essentials': pairs(
    'Daily/日化 Household/家清 Tissue/纸巾 Homecare/家护 Basics/日用 Spotless/洁净 Laundry/洗衣 Essentials/百货 Supplies/用品 Goods/良品',
  ),
}

/** Overseas names: a capitalised opening, a consonant–vowel middle, an ending; one character each. */
export const OVERSEAS_SYLLABLES: readonly [readonly Pair[], readonly Pair[], readonly Pair[]] = [
  pairs(`
    Bel/贝 Cor/科 Dal/达 El/艾 Fen/芬 Lu/路 Mar/玛 Nor/诺 Or/奥 Ros/罗 Sol/索 Val/瓦 Ver/维 Zel/泽 Ca/卡
    Lo/洛 Ri/丽 Ti/蒂 Ve/薇 Al/阿 Ar/雅 Bra/布 Cla/克 Del/德 Fla/芙 Gra/格 Her/赫 Is/伊 Jo/乔 Ka/凯
    Mi/米 Pa/帕 Sa/莎
  `),
  pairs(`
    la/拉 li/莉 lo/珞 ma/曼 mi/咪 mo/莫 na/纳 ne/妮 no/侬 ra/瑞 ri/里 ro/柔 sa/萨 si/思 so/梭 ta/塔
    te/特 ti/提 va/娃 ve/唯 vi/薇 za/扎 de/黛 di/迪 co/可 ca/嘉 lu/璐 ni/尼 re/蕾 se/瑟 vo/沃 to/朵 be/蓓
  `),
  pairs(`
    nce/斯 lle/尔 tte/特 ra/拉 na/娜 ria/莉 lia/丽 nia/妮 sa/莎 ro/罗 no/诺 lo/洛 ne/恩 x/克 r/儿 n/安
    th/思 va/娃 ve/芙 ge/姬 de/德 ta/塔 ton/顿 son/森 vin/文 mont/蒙 ford/福 ley/莱 sy/希 ca/卡 ka/珈
    ma/玛 ssa/萨
  `),
]

export interface BrandName {
  readonly en: string
  readonly zh: string
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** A domestic brand from its parts: first stem, second stem, category word. */
export function domesticBrandName(first: Pair, second: Pair, word: Pair): BrandName {
  return { en: `${first[0]}${second[0]} ${word[0]}`, zh: `${first[1]}${second[1]}${word[1]}` }
}

/** An overseas brand from its three syllables. */
export function overseasBrandName(opening: Pair, middle: Pair, ending: Pair): BrandName {
  return { en: `${capitalised(opening[0])}${middle[0]}${ending[0]}`, zh: `${opening[1]}${middle[1]}${ending[1]}` }
}

const byEnglish = (list: readonly Pair[]) => new Map(list.map((pair) => [pair[0], pair[1]]))
let lookups:
  | {
      first: Map<string, string>
      second: Map<string, string>
      words: Map<string, string>
      syllables: Map<string, string>[]
    }
  | undefined

/** Built on first use: a page that never shows a brand pays nothing. */
function vocabulary() {
  lookups ??= {
    first: byEnglish(BRAND_STEMS_FIRST),
    second: byEnglish(BRAND_STEMS_SECOND),
    words: byEnglish(Object.values(BRAND_CATEGORY_WORDS).flat()),
    syllables: OVERSEAS_SYLLABLES.map(byEnglish),
  }
  return lookups
}

/** Every way `text` splits into a known head and a tail that `rest` accepts. */
function* splits(text: string, heads: Map<string, string>, rest: (tail: string) => string | undefined) {
  for (let end = 1; end < text.length; end++) {
    const head = heads.get(text.slice(0, end))
    if (head === undefined) continue
    const tail = rest(text.slice(end))
    if (tail !== undefined) yield head + tail
  }
}

/** The Chinese name of a simulator brand, or undefined for a key that is not one. */
export function chineseBrandName(key: string): string | undefined {
  const { first, second, words, syllables } = vocabulary()
  const space = key.lastIndexOf(' ')
  if (space > 0) {
    const word = words.get(key.slice(space + 1))
    if (word === undefined) return undefined
    for (const stems of splits(key.slice(0, space), first, (tail) => second.get(tail))) return stems + word
    return undefined
  }
  const [openings, middles, endings] = syllables as [Map<string, string>, Map<string, string>, Map<string, string>]
  const afterOpening = (tail: string) => {
    for (const rest of splits(tail, middles, (last) => endings.get(last))) return rest
    return undefined
  }
  for (const name of splits(key, openings, afterOpening)) return name
  return undefined
}

/** What a brand key reads as in a language: the Chinese name of a simulator brand, else the key. */
export function brandLabel(key: string, locale: Locale): string {
  return locale === 'zh-CN' ? (chineseBrandName(key) ?? key) : key
}
