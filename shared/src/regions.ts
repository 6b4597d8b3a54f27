/**
 * Region codes accepted on orders: ISO 3166-2 subdivisions for China's province-level
 * divisions, ISO 3166-1 alpha-2 for buyers abroad. A fixed list rather than
 * Intl.DisplayNames, whose answers vary with the ICU build and include non-countries.
 */

export const CHINA_PROVINCES = {
  'CN-AH': { en: 'Anhui', zh: '安徽' },
  'CN-BJ': { en: 'Beijing', zh: '北京' },
  'CN-CQ': { en: 'Chongqing', zh: '重庆' },
  'CN-FJ': { en: 'Fujian', zh: '福建' },
  'CN-GD': { en: 'Guangdong', zh: '广东' },
  'CN-GS': { en: 'Gansu', zh: '甘肃' },
  'CN-GX': { en: 'Guangxi', zh: '广西' },
  'CN-GZ': { en: 'Guizhou', zh: '贵州' },
  'CN-HA': { en: 'Henan', zh: '河南' },
  'CN-HB': { en: 'Hubei', zh: '湖北' },
  'CN-HE': { en: 'Hebei', zh: '河北' },
  'CN-HI': { en: 'Hainan', zh: '海南' },
  'CN-HK': { en: 'Hong Kong', zh: '香港' },
  'CN-HL': { en: 'Heilongjiang', zh: '黑龙江' },
  'CN-HN': { en: 'Hunan', zh: '湖南' },
  'CN-JL': { en: 'Jilin', zh: '吉林' },
  'CN-JS': { en: 'Jiangsu', zh: '江苏' },
  'CN-JX': { en: 'Jiangxi', zh: '江西' },
  'CN-LN': { en: 'Liaoning', zh: '辽宁' },
  'CN-MO': { en: 'Macao', zh: '澳门' },
  'CN-NM': { en: 'Inner Mongolia', zh: '内蒙古' },
  'CN-NX': { en: 'Ningxia', zh: '宁夏' },
  'CN-QH': { en: 'Qinghai', zh: '青海' },
  'CN-SC': { en: 'Sichuan', zh: '四川' },
  'CN-SD': { en: 'Shandong', zh: '山东' },
  'CN-SH': { en: 'Shanghai', zh: '上海' },
  'CN-SN': { en: 'Shaanxi', zh: '陕西' },
  'CN-SX': { en: 'Shanxi', zh: '山西' },
  'CN-TJ': { en: 'Tianjin', zh: '天津' },
  'CN-TW': { en: 'Taiwan', zh: '台湾' },
  'CN-XJ': { en: 'Xinjiang', zh: '新疆' },
  'CN-XZ': { en: 'Tibet', zh: '西藏' },
  'CN-YN': { en: 'Yunnan', zh: '云南' },
  'CN-ZJ': { en: 'Zhejiang', zh: '浙江' },
} as const satisfies Record<string, { en: string; zh: string }>

export type ChinaProvinceCode = keyof typeof CHINA_PROVINCES

/** Every officially assigned ISO 3166-1 alpha-2 code except CN (China is given by province). */
const COUNTRY_CODE_LIST =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM ' +
  'JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP ' +
  'MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
  'QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN ' +
  'TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'

export const COUNTRY_CODES: ReadonlySet<string> = new Set(COUNTRY_CODE_LIST.split(' '))

/** True for a Chinese province code (CN-ZJ) or a non-Chinese country code (SG). */
export function isRegionCode(code: string): boolean {
  return code in CHINA_PROVINCES || COUNTRY_CODES.has(code)
}

export function isChinaProvince(code: string): code is ChinaProvinceCode {
  return code in CHINA_PROVINCES
}
