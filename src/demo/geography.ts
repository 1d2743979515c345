/**
 * Where A公司's customers sit: provinces weighted by their share of China's
 * manufacturing (the Yangtze and Pearl River deltas dominate), each with its
 * industrial cities. Regions come from the shared province → region table so
 * the demo and the importer agree.
 */
import { regionOfProvince } from '../domain/china-regions.js';

export interface Province {
  /** Short name, the key of regionOfProvince: 江苏, 上海. */
  readonly short: string;
  /** As a CRM writes it: 江苏省, 上海市, 广西壮族自治区. */
  readonly full: string;
  readonly region: string;
  readonly weight: number;
  /** Short city names, most important first: 苏州. */
  readonly cities: readonly string[];
}

const table: readonly [string, string, number, string][] = [
  ['上海', '上海市', 7, '上海'],
  ['江苏', '江苏省', 14, '苏州 无锡 常州 南京 南通 扬州 镇江 徐州 泰州'],
  ['浙江', '浙江省', 11, '杭州 宁波 温州 嘉兴 绍兴 台州 金华 湖州'],
  ['安徽', '安徽省', 3.5, '合肥 芜湖 马鞍山 滁州'],
  ['福建', '福建省', 3.5, '厦门 福州 泉州 漳州'],
  ['江西', '江西省', 1.5, '南昌 赣州 九江'],
  ['山东', '山东省', 7, '青岛 济南 烟台 潍坊 淄博 临沂'],
  ['北京', '北京市', 3, '北京'],
  ['天津', '天津市', 3, '天津'],
  ['河北', '河北省', 3, '石家庄 唐山 保定 廊坊'],
  ['山西', '山西省', 1, '太原 大同'],
  ['内蒙古', '内蒙古自治区', 0.6, '包头 呼和浩特'],
  ['广东', '广东省', 14, '深圳 广州 东莞 佛山 惠州 中山 珠海 江门'],
  ['广西', '广西壮族自治区', 1.5, '柳州 南宁 桂林'],
  ['海南', '海南省', 0.3, '海口'],
  ['河南', '河南省', 3.5, '郑州 洛阳 新乡 许昌'],
  ['湖北', '湖北省', 4, '武汉 襄阳 宜昌 十堰'],
  ['湖南', '湖南省', 3, '长沙 株洲 湘潭 岳阳'],
  ['重庆', '重庆市', 3, '重庆'],
  ['四川', '四川省', 3.5, '成都 绵阳 德阳 宜宾'],
  ['贵州', '贵州省', 0.8, '贵阳 遵义'],
  ['云南', '云南省', 0.8, '昆明 曲靖'],
  ['陕西', '陕西省', 2, '西安 宝鸡 咸阳'],
  ['甘肃', '甘肃省', 0.5, '兰州 天水'],
  ['宁夏', '宁夏回族自治区', 0.3, '银川'],
  ['新疆', '新疆维吾尔自治区', 0.5, '乌鲁木齐 克拉玛依'],
  ['青海', '青海省', 0.2, '西宁'],
  ['辽宁', '辽宁省', 2.5, '沈阳 大连 鞍山'],
  ['吉林', '吉林省', 1.2, '长春 吉林'],
  ['黑龙江', '黑龙江省', 1, '哈尔滨 大庆 齐齐哈尔'],
];

export const provinces: readonly Province[] = table.map(([short, full, weight, cities]) => {
  const region = regionOfProvince[short];
  if (region === undefined) throw new Error(`no region for ${short}`);
  return { short, full, region, weight, cities: cities.split(' ') };
});

/** As the CRM writes a city: 苏州 → 苏州市 (municipalities too: 上海 → 上海市). */
export function cityFullName(city: string): string {
  return city.endsWith('市') ? city : `${city}市`;
}
