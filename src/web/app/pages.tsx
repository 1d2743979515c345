/** Every page of the app: its address, its name in the menu, and the component that draws it. */
import type { ComponentType } from 'react';
import type { Role } from '../../access/roles.js';
import type { Route } from './hash-route.js';
import { OverviewPage } from '../pages/overview-page.js';
import { CustomersPage } from '../pages/customers-page.js';
import { CustomerPage } from '../pages/customer-page.js';
import { SegmentationPage } from '../pages/segmentation-page.js';
import { FunnelPage } from '../pages/funnel-page.js';
import { ChurnPage } from '../pages/churn-page.js';
import { SatisfactionPage } from '../pages/satisfaction-page.js';
import { TeamPage } from '../pages/team-page.js';
import { ForecastPage } from '../pages/forecast-page.js';
import { PlansPage } from '../pages/plans-page.js';
import { ReportsPage } from '../pages/reports-page.js';
import { ImportPage } from '../pages/import-page.js';
import { UsersPage } from '../pages/users-page.js';

export interface PageSpec {
  readonly path: string;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  readonly component: ComponentType<{ route: Route }>;
  /** Pages reached from another page (customer 360) stay out of the menu. */
  readonly hidden?: boolean;
  /**
   * Only these roles see the page in the menu and may open it (everyone when absent).
   * The API refuses the others anyway: this spares them a page of refusals.
   */
  readonly roles?: readonly Role[];
}

export const pages: readonly PageSpec[] = [
  { path: '/', label: { 'zh-CN': '总览', en: 'Overview' }, component: OverviewPage },
  { path: '/customers', label: { 'zh-CN': '客户', en: 'Customers' }, component: CustomersPage },
  { path: '/customer', label: { 'zh-CN': '客户360', en: 'Customer 360' }, component: CustomerPage, hidden: true },
  { path: '/segmentation', label: { 'zh-CN': '客户分层', en: 'Segmentation' }, component: SegmentationPage },
  { path: '/funnel', label: { 'zh-CN': '销售漏斗', en: 'Funnel' }, component: FunnelPage },
  { path: '/churn', label: { 'zh-CN': '流失预警', en: 'Churn warning' }, component: ChurnPage },
  { path: '/satisfaction', label: { 'zh-CN': '满意度', en: 'Satisfaction' }, component: SatisfactionPage },
  { path: '/team', label: { 'zh-CN': '团队业绩', en: 'Team' }, component: TeamPage },
  { path: '/forecast', label: { 'zh-CN': '预测', en: 'Forecast' }, component: ForecastPage },
  { path: '/plans', label: { 'zh-CN': '行动计划', en: 'Action plans' }, component: PlansPage },
  { path: '/reports', label: { 'zh-CN': '报告', en: 'Reports' }, component: ReportsPage },
  { path: '/import', label: { 'zh-CN': '数据导入', en: 'Import' }, component: ImportPage },
  { path: '/users', label: { 'zh-CN': '用户管理', en: 'Users' }, component: UsersPage, roles: ['admin'] },
];

export function pageFor(path: string): PageSpec {
  return pages.find((p) => p.path === path) ?? pages[0]!;
}

/** Whether the signed-in role may open the page (the session names the role as a plain string). */
export function mayOpen(page: PageSpec, role: string): boolean {
  return page.roles === undefined || (page.roles as readonly string[]).includes(role);
}
