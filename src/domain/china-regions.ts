/**
 * China's customary sales regions (大区) by province. Companies draw their
 * own lines; this is the common seven-region split used when a file gives a
 * province but no region.
 */
export const regionOfProvince: Readonly<Record<string, string>> = {
  上海: '华东', 江苏: '华东', 浙江: '华东', 安徽: '华东', 福建: '华东', 江西: '华东', 山东: '华东',
  北京: '华北', 天津: '华北', 河北: '华北', 山西: '华北', 内蒙古: '华北',
  广东: '华南', 广西: '华南', 海南: '华南', 香港: '华南', 澳门: '华南',
  河南: '华中', 湖北: '华中', 湖南: '华中',
  重庆: '西南', 四川: '西南', 贵州: '西南', 云南: '西南', 西藏: '西南',
  陕西: '西北', 甘肃: '西北', 青海: '西北', 宁夏: '西北', 新疆: '西北',
  辽宁: '东北', 吉林: '东北', 黑龙江: '东北',
  台湾: '华东',
};

/** 江苏省 → 江苏, 广西壮族自治区 → 广西, 上海市 → 上海. */
export function shortProvinceName(name: string): string {
  return name
    .trim()
    .replace(/(维吾尔|壮族|回族)?自治区$/u, '')
    .replace(/特别行政区$/u, '')
    .replace(/[省市]$/u, '');
}
