/**
 * Chinese personal names and the pinyin needed to turn them, and company
 * brands, into plausible e-mail addresses.
 */
import type { Rng } from '../domain/rng.js';

/** "字pinyin" pairs; the order of surnames is roughly their frequency. */
const SURNAMES = parsePairs(
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 高gao 林lin 罗luo ' +
    '郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai ' +
    '余yu 杜du 叶ye 程cheng 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin ' +
    '石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 闫yan 段duan 雷lei 侯hou ' +
    '龙long 史shi 陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan 覃qin 武wu 戴dai 莫mo 孔kong 向xiang 汤tang',
);

const GIVEN = parsePairs(
  '伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan 涛tao 明ming 超chao 秀xiu 霞xia 平ping ' +
    '刚gang 桂gui 华hua 建jian 文wen 辉hui 玲ling 鹏peng 斌bin 宇yu 浩hao 凯kai 健jian 俊jun 帆fan 帅shuai 旭xu 宁ning 龙long 林lin ' +
    '欣xin 婷ting 雪xue 琳lin 晨chen 瑶yao 颖ying 倩qian 佳jia 欢huan 慧hui 峰feng 博bo 志zhi 海hai 波bo 鑫xin 亮liang 晓xiao 红hong ' +
    '兰lan 梅mei 萍ping 毅yi 昊hao 然ran 睿rui 轩xuan 子zi 思si 雨yu 嘉jia 国guo 春chun 立li 成cheng 新xin 振zhen 永yong 德de ' +
    '学xue 光guang 云yun 飞fei 莉li 琴qin 燕yan 丹dan 蕾lei 薇wei 晶jing 洁jie 彬bin 力li 岩yan 东dong 正zheng 庆qing 卫wei 坤kun',
);

/** Characters companies choose for their brand (字号). */
const BRAND = parsePairs(
  '华hua 瑞rui 恒heng 通tong 达da 信xin 宏hong 远yuan 泰tai 盛sheng 鼎ding 诚cheng 德de 隆long 兴xing 丰feng 源yuan 汇hui 嘉jia 新xin ' +
    '科ke 创chuang 精jing 铭ming 旭xu 博bo 凯kai 立li 志zhi 天tian 海hai 力li 威wei 锐rui 捷jie 特te 昌chang 永yong 安an 联lian ' +
    '宇yu 耀yao 晟sheng 坤kun 合he 众zhong 星xing 辰chen 峰feng 泽ze 润run 金jin 光guang 明ming 中zhong 东dong 方fang 南nan 高gao 正zheng ' +
    '顺shun 益yi 佳jia 美mei 康kang 泓hong 骏jun 腾teng 跃yue 迈mai 拓tuo 驰chi 奥ao 赛sai 思si 亿yi 万wan 豪hao 茂mao 沃wo',
);

const PINYIN = new Map<string, string>([...SURNAMES, ...GIVEN, ...BRAND]);

function parsePairs(text: string): [string, string][] {
  return text.split(' ').map((p) => [p.slice(0, 1), p.slice(1)]);
}

const surnameWeights = SURNAMES.map((_, i) => 1 / (1 + i * 0.08));

export interface PersonName {
  readonly name: string;
  readonly pinyin: string;
}

export function personName(rng: Rng): PersonName {
  const [surname, sp] = rng.weighted(SURNAMES, surnameWeights);
  const first = rng.pick(GIVEN);
  if (rng.chance(0.35)) return { name: surname + first[0], pinyin: sp + first[1] };
  const second = rng.pick(GIVEN);
  return { name: surname + first[0] + second[0], pinyin: sp + first[1] + second[1] };
}

export interface Brand {
  readonly name: string;
  readonly pinyin: string;
}

export function brandName(rng: Rng): Brand {
  const a = rng.pick(BRAND);
  let b = rng.pick(BRAND);
  while (b[0] === a[0]) b = rng.pick(BRAND);
  return { name: a[0] + b[0], pinyin: a[1] + b[1] };
}

/** Pinyin of a known character string; unknown characters are dropped. */
export function pinyinOf(text: string): string {
  let out = '';
  for (const ch of text) out += PINYIN.get(ch) ?? '';
  return out;
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '170', '176', '177', '180', '181', '182', '185', '186', '187', '188', '189', '191', '198', '199'];

/** An 11-digit mainland mobile number. */
export function mobileNumber(rng: Rng): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(rng.int(0, 9));
  return rng.pick(MOBILE_PREFIXES) + rest;
}
