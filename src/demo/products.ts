/**
 * A公司's catalogue: eight categories whose price levels and margins differ
 * the way they do for an automation supplier (software is nearly all margin,
 * robots are expensive and thin, spare parts cheap and frequent).
 */
import type { Rng } from '../domain/rng.js';

export type Category = 'PLC控制器' | '伺服驱动' | '变频器' | '传感器' | '工业机器人' | 'HMI触摸屏' | '工控软件' | '备品备件';

export const categories: readonly Category[] = ['PLC控制器', '伺服驱动', '变频器', '传感器', '工业机器人', 'HMI触摸屏', '工控软件', '备品备件'];

export interface CategorySpec {
  readonly category: Category;
  readonly margin: number;
  /** Largest quantity one order line plausibly carries. */
  readonly maxQuantity: number;
  /** Share of a replenishment order's lines (small, repeat purchases) relative to project orders. */
  readonly replenishment: number;
}

export const categorySpecs: Readonly<Record<Category, CategorySpec>> = {
  PLC控制器: { category: 'PLC控制器', margin: 0.38, maxQuantity: 40, replenishment: 0.8 },
  伺服驱动: { category: '伺服驱动', margin: 0.32, maxQuantity: 80, replenishment: 1 },
  变频器: { category: '变频器', margin: 0.28, maxQuantity: 60, replenishment: 1 },
  传感器: { category: '传感器', margin: 0.45, maxQuantity: 500, replenishment: 1.6 },
  工业机器人: { category: '工业机器人', margin: 0.22, maxQuantity: 12, replenishment: 0.15 },
  HMI触摸屏: { category: 'HMI触摸屏', margin: 0.35, maxQuantity: 40, replenishment: 0.7 },
  工控软件: { category: '工控软件', margin: 0.72, maxQuantity: 5, replenishment: 0.3 },
  备品备件: { category: '备品备件', margin: 0.5, maxQuantity: 300, replenishment: 2 },
};

export interface Product {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly series: string;
  readonly unit: string;
  readonly listPrice: number;
  readonly unitCost: number;
  readonly marginRate: number;
}

/** [code, name, series, unit, list price] per category. */
const catalogue: Readonly<Record<Category, readonly (readonly [string, string, string, string, number])[]>> = {
  PLC控制器: [
    ['1001', 'AP-110 小型一体化PLC 14点', 'AP100系列', '台', 1280],
    ['1002', 'AP-120 小型一体化PLC 24点', 'AP100系列', '台', 1980],
    ['1003', 'AP-140 小型一体化PLC 40点', 'AP100系列', '台', 2860],
    ['1004', 'AP-310 中型模块化PLC CPU', 'AP300系列', '台', 6800],
    ['1005', 'AP-330 中型PLC CPU 以太网型', 'AP300系列', '台', 9600],
    ['1006', 'AP-510 大型冗余PLC CPU', 'AP500系列', '套', 36000],
    ['1007', 'AP-520 安全型PLC CPU', 'AP500系列', '套', 48000],
    ['1008', 'AP-IO16 数字量IO模块 16点', 'AP300系列', '个', 980],
    ['1009', 'AP-AI8 模拟量输入模块 8通道', 'AP300系列', '个', 2350],
  ],
  伺服驱动: [
    ['1101', 'AS3-0200 伺服驱动器 200W', 'AS3系列', '台', 1650],
    ['1102', 'AS3-0400 伺服驱动器 400W', 'AS3系列', '台', 1980],
    ['1103', 'AS3-0750 伺服驱动器 750W', 'AS3系列', '台', 2450],
    ['1104', 'AS5-1500 伺服驱动器 1.5kW', 'AS5系列', '台', 3900],
    ['1105', 'AS5-3000 伺服驱动器 3kW', 'AS5系列', '台', 5800],
    ['1106', 'AS5-7500 伺服驱动器 7.5kW', 'AS5系列', '台', 11800],
    ['1107', 'AM3-0750 伺服电机 750W', 'AS3系列', '台', 1580],
    ['1108', 'AM5-3000 伺服电机 3kW', 'AS5系列', '台', 4600],
  ],
  变频器: [
    ['1201', 'AV610-2S0.75 通用变频器 0.75kW', 'AV600系列', '台', 980],
    ['1202', 'AV610-4T2.2 通用变频器 2.2kW', 'AV600系列', '台', 1580],
    ['1203', 'AV610-4T7.5 通用变频器 7.5kW', 'AV600系列', '台', 3280],
    ['1204', 'AV610-4T15 通用变频器 15kW', 'AV600系列', '台', 5600],
    ['1205', 'AV810-4T37 高性能矢量变频器 37kW', 'AV800系列', '台', 12800],
    ['1206', 'AV810-4T90 高性能矢量变频器 90kW', 'AV800系列', '台', 26500],
    ['1207', 'AV810-4T160 高性能矢量变频器 160kW', 'AV800系列', '台', 43000],
  ],
  传感器: [
    ['1301', 'AE-30 漫反射光电传感器', 'AE系列', '个', 168],
    ['1302', 'AE-60 对射式光电传感器', 'AE系列', '个', 286],
    ['1303', 'AK-M18 电感式接近开关', 'AK系列', '个', 95],
    ['1304', 'AT-P10 压力变送器', 'AT系列', '台', 1380],
    ['1305', 'AT-T20 温度变送器', 'AT系列', '台', 860],
    ['1306', 'AL-E500 磁致伸缩位移传感器', 'AL系列', '套', 2680],
    ['1307', 'AC-V200 工业视觉相机 200万像素', 'AC系列', '台', 6800],
    ['1308', 'AF-F50 电磁流量计 DN50', 'AT系列', '台', 4200],
  ],
  工业机器人: [
    ['1401', 'AR-6 六轴工业机器人 6kg', 'AR系列', '台', 128000],
    ['1402', 'AR-20 六轴工业机器人 20kg', 'AR系列', '台', 186000],
    ['1403', 'AR-165 六轴重载机器人 165kg', 'AR系列', '台', 398000],
    ['1404', 'AS-600 SCARA机器人 臂展600mm', 'SCARA系列', '台', 86000],
    ['1405', 'AR-10C 协作机器人 10kg', '协作系列', '台', 152000],
    ['1406', 'AR-P180 码垛机器人 180kg', 'AR系列', '台', 268000],
  ],
  HMI触摸屏: [
    ['1501', 'AH-43 4.3寸触摸屏', 'AH系列', '台', 1080],
    ['1502', 'AH-70 7寸触摸屏', 'AH系列', '台', 1880],
    ['1503', 'AH-100 10.1寸触摸屏', 'AH系列', '台', 3280],
    ['1504', 'AH-150 15寸工业平板电脑', 'AH Pro系列', '台', 8600],
    ['1505', 'AH-70W 7寸无线组态屏', 'AH系列', '台', 2380],
  ],
  工控软件: [
    ['1601', 'AStudio PLC编程软件授权', 'AStudio', '套', 8800],
    ['1602', 'AScada 组态软件 标准版', 'AScada', '套', 28000],
    ['1603', 'AScada 组态软件 企业版', 'AScada', '套', 88000],
    ['1604', 'AMES 生产执行系统 基础模块', 'AMES', '套', 160000],
    ['1605', 'AEnergy 能源管理系统', 'AEnergy', '套', 68000],
    ['1606', 'ARobot 机器人离线编程软件', 'ARobot', '套', 36000],
    ['1607', 'ACloud 远程运维平台 年度订阅', 'ACloud', '年', 12000],
  ],
  备品备件: [
    ['1701', 'AP-PS24 24V电源模块', '通用备件', '个', 460],
    ['1702', 'PROFINET通讯电缆 5m', '通用备件', '根', 180],
    ['1703', '伺服编码器电缆 10m', '伺服备件', '根', 320],
    ['1704', '变频器制动电阻', '变频备件', '个', 260],
    ['1705', '机器人RV减速机 维修件', '机器人备件', '个', 12800],
    ['1706', '机器人示教器电缆', '机器人备件', '根', 1850],
    ['1707', 'PLC锂电池', '通用备件', '个', 85],
    ['1708', '继电器模块 8路', '通用备件', '个', 240],
    ['1709', '散热风扇组件', '通用备件', '个', 150],
  ],
};

export function generateProducts(rng: Rng): Product[] {
  const out: Product[] = [];
  for (const category of categories) {
    const spec = categorySpecs[category];
    for (const [code, name, series, unit, listPrice] of catalogue[category]) {
      // Margins scatter around the category's level; costs round to yuan as ERPs keep them.
      const marginRate = Math.round(Math.min(0.85, Math.max(0.08, rng.normal(spec.margin, 0.035))) * 1000) / 1000;
      const unitCost = Math.round(listPrice * (1 - marginRate));
      out.push({
        index: out.length,
        id: `P${code}`,
        name,
        category,
        series,
        unit,
        listPrice,
        unitCost,
        marginRate: Math.round((1 - unitCost / listPrice) * 1000) / 1000,
      });
    }
  }
  return out;
}
