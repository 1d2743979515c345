/**
 * The customer industries and what sets them apart: how fast their spend
 * grows, how often they reorder, which categories they buy, which words their
 * company names use, and which competitors they meet.
 */
import type { Category } from './products.js';

export type IndustryName = '汽车制造' | '电子制造' | '机械制造' | '食品饮料' | '医药' | '化工' | '新能源' | '纺织服装' | '物流仓储' | '冶金';

export interface Industry {
  readonly name: IndustryName;
  readonly weight: number;
  /** Yearly growth of a customer's spend, before the rep's effect. */
  readonly growth: number;
  /** Multiplies the purchase cycle: replenishment-heavy industries reorder sooner. */
  readonly cycleFactor: number;
  /** Multiplies how many opportunities (projects) a customer opens a year. */
  readonly projectFactor: number;
  /** Relative pull of each category on an order line. */
  readonly preferences: Readonly<Record<Category, number>>;
  readonly nameWords: readonly string[];
}

const prefs = (plc: number, servo: number, vfd: number, sensor: number, robot: number, hmi: number, software: number, spare: number): Record<Category, number> => ({
  PLC控制器: plc,
  伺服驱动: servo,
  变频器: vfd,
  传感器: sensor,
  工业机器人: robot,
  HMI触摸屏: hmi,
  工控软件: software,
  备品备件: spare,
});

export const industries: readonly Industry[] = [
  { name: '汽车制造', weight: 14, growth: 0.1, cycleFactor: 0.9, projectFactor: 1.25, preferences: prefs(1.5, 4, 0.8, 1.5, 5, 1, 1, 1.5), nameWords: ['汽车零部件', '汽车部件', '汽配', '车业', '汽车电子'] },
  { name: '电子制造', weight: 16, growth: 0.09, cycleFactor: 0.85, projectFactor: 1.15, preferences: prefs(1.5, 3, 0.8, 3, 2.5, 1.5, 1.2, 1.5), nameWords: ['电子', '电子科技', '光电', '精密电子', '微电子'] },
  { name: '机械制造', weight: 19, growth: 0.03, cycleFactor: 1, projectFactor: 1, preferences: prefs(3.5, 2.5, 2, 1.5, 1, 3, 0.8, 2), nameWords: ['精密机械', '机械', '重工', '装备制造', '机电'] },
  { name: '食品饮料', weight: 9, growth: 0.04, cycleFactor: 0.8, projectFactor: 0.8, preferences: prefs(1.2, 0.8, 4, 4.5, 0.4, 1.2, 0.8, 1.8), nameWords: ['食品', '饮料', '乳业', '酿造', '食品科技'] },
  { name: '医药', weight: 7, growth: 0.05, cycleFactor: 1.05, projectFactor: 0.9, preferences: prefs(1.8, 1, 1.5, 3, 0.5, 2, 3, 1.2), nameWords: ['制药', '药业', '生物医药', '医疗器械'] },
  { name: '化工', weight: 8, growth: 0.01, cycleFactor: 1.1, projectFactor: 0.85, preferences: prefs(3, 0.5, 3, 4, 0.2, 1.8, 1.8, 2), nameWords: ['化工', '新材料', '化学', '精细化工'] },
  { name: '新能源', weight: 9, growth: 0.22, cycleFactor: 0.85, projectFactor: 1.5, preferences: prefs(1.8, 3.5, 1, 2, 3.5, 1.2, 1.8, 1.2), nameWords: ['新能源', '锂电', '光伏科技', '储能科技', '动力电池'] },
  { name: '纺织服装', weight: 6, growth: -0.04, cycleFactor: 1.15, projectFactor: 0.7, preferences: prefs(1, 2, 4, 1, 0.3, 1, 0.4, 2), nameWords: ['纺织', '服饰', '织造', '印染'] },
  { name: '物流仓储', weight: 6, growth: 0.07, cycleFactor: 1, projectFactor: 1.1, preferences: prefs(1.8, 3, 2, 3, 1.5, 1, 2.5, 1), nameWords: ['物流', '供应链', '仓储', '智能物流'] },
  { name: '冶金', weight: 3, growth: -0.05, cycleFactor: 1.2, projectFactor: 0.75, preferences: prefs(2.8, 0.8, 4, 2, 0.4, 1, 1, 3), nameWords: ['钢铁', '冶金', '金属材料', '铝业'] },
];

export const industryByName: ReadonlyMap<IndustryName, Industry> = new Map(industries.map((i) => [i.name, i]));

/** Industries whose spend grows fast: their large customers carry the most potential. */
export const growingIndustries: readonly IndustryName[] = ['新能源', '汽车制造', '电子制造'];

export const competitors = ['西门子', '施耐德', '三菱电机', '欧姆龙', '汇川技术', '台达', 'ABB', '发那科', '安川电机', '信捷电气'] as const;
export type Competitor = (typeof competitors)[number];

/** Who A公司 meets where: robot-heavy industries meet the robot makers. */
export function competitorWeights(industry: IndustryName): readonly number[] {
  const robotHeavy = industry === '汽车制造' || industry === '新能源' || industry === '电子制造';
  const process = industry === '化工' || industry === '冶金' || industry === '食品饮料' || industry === '医药';
  // 西门子 施耐德 三菱电机 欧姆龙 汇川技术 台达 ABB 发那科 安川电机 信捷电气
  if (robotHeavy) return [3, 1, 2, 1.5, 3, 1, 2, 2.5, 2, 1];
  if (process) return [4, 3, 1, 1, 2, 1.5, 2.5, 0.3, 0.3, 0.5];
  return [3, 1.5, 2, 1.5, 3, 2, 1, 0.5, 0.8, 1.5];
}
