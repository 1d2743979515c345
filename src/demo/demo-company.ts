/**
 * The demo company as data: every table exactly as its file shows it (dates
 * as YYYY-MM-DD, money in 元), plus the truths planted in it. Produced by
 * generateDemo, written by writeDemoFiles.
 */
import type { AcquisitionChannel, CampaignChannel } from './campaigns.js';
import type { ComplaintCategory, ComplaintStatus, Severity } from './complaints.js';
import type { DemandType } from './customer-timeline.js';
import type { ChurnReason, Complexity, SalesChannel, Size } from './customers.js';
import type { SurveyItem } from './feedback.js';
import type { HistoryStage, LostReason } from './funnel.js';
import type { InteractionType, ProjectStatus } from './interactions.js';
import type { Category } from './products.js';
import type { TeamName } from './reps.js';
import type { Priority, TicketStatus, TicketType } from './tickets.js';
import type { DemoTruth } from './truth.js';

export interface DemoOptions {
  readonly seed: number;
  /** Default 2000. */
  readonly customers?: number;
  /** Last day of the history, YYYY-MM-DD. Default 2025-12-31. */
  readonly endDate?: string;
  /** Years of history ending at endDate. Default 3. */
  readonly years?: number;
}

export interface RepRow {
  readonly id: string;
  readonly name: string;
  readonly team: TeamName;
  readonly region: string;
  readonly manager: string | null;
  readonly hireDate: string;
  readonly email: string;
  readonly phone: string;
  readonly status: string;
}

export interface ProductRow {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly series: string;
  readonly unit: string;
  readonly listPrice: number;
  readonly unitCost: number;
  readonly marginRate: number;
}

export interface CampaignRow {
  readonly id: string;
  readonly name: string;
  readonly channel: CampaignChannel;
  readonly startDate: string;
  readonly endDate: string;
  readonly cost: number;
  readonly leads: number;
}

export type CustomerStatus = '合作中' | '已流失' | '潜在客户';

export interface CustomerRow {
  readonly id: string;
  readonly name: string;
  readonly industry: string;
  readonly size: Size;
  readonly employees: number;
  readonly province: string;
  readonly city: string;
  readonly region: string;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly contactEmail: string | null;
  /** The owning rep's name, as Chinese CRM exports show it. */
  readonly repName: string;
  readonly level: 'A' | 'B' | 'C';
  readonly decisionComplexity: Complexity;
  readonly acquisitionChannel: AcquisitionChannel;
  readonly acquisitionCampaignId: string | null;
  readonly createdDate: string;
  readonly status: CustomerStatus;
}

export interface OrderLineRow {
  readonly orderId: string;
  readonly lineNo: number;
  readonly date: string;
  readonly customerId: string;
  readonly productId: string;
  readonly productName: string;
  readonly category: Category;
  /** Negative on a return line. */
  readonly quantity: number;
  readonly unitPrice: number;
  /** Discount rate 0..1, null when none. */
  readonly discount: number | null;
  /** quantity × unitPrice × (1 − discount), rounded to 0.01. */
  readonly amount: number;
  readonly cost: number;
  readonly repName: string;
  readonly channel: SalesChannel;
  readonly promotion: string | null;
  readonly demandType: DemandType;
  readonly status: '已完成' | '已退货';
}

export type OpportunityStatus = '进行中' | '赢单' | '输单';

export interface OpportunityRow {
  readonly id: string;
  readonly customerId: string;
  readonly name: string;
  readonly repName: string;
  readonly product: Category;
  readonly leadSource: string;
  readonly region: string;
  readonly stage: HistoryStage;
  readonly status: OpportunityStatus;
  /** 元; the file shows it in 万元. */
  readonly expectedAmount: number;
  readonly createdDate: string;
  readonly stageDate: string;
  /** May lie after the end date for open opportunities: it is a forecast. */
  readonly expectedCloseDate: string;
  readonly closeDate: string | null;
  readonly lostReason: LostReason | null;
  readonly competitor: string | null;
  /** The order a won opportunity became (not a file column). */
  readonly orderId: string | null;
  /** The deal that brought the customer in (not a file column). */
  readonly acquisition: boolean;
}

export interface StageHistoryRow {
  readonly opportunityId: string;
  readonly stage: HistoryStage;
  readonly date: string;
}

export interface InteractionRow {
  readonly id: string;
  readonly customerId: string;
  readonly repName: string;
  readonly type: InteractionType;
  readonly date: string;
  readonly responseHours: number | null;
  readonly competitor: string | null;
  readonly project: string | null;
  readonly projectStatus: ProjectStatus | null;
  readonly notes: string;
}

export interface SurveyRow {
  readonly id: string;
  readonly customerId: string;
  readonly date: string;
  readonly item: SurveyItem;
  readonly score: number;
  readonly importance: number;
}

export interface NpsRow {
  readonly id: string;
  readonly customerId: string;
  readonly date: string;
  readonly score: number;
  readonly comment: string | null;
}

export interface ComplaintRow {
  readonly id: string;
  readonly customerId: string;
  readonly date: string;
  readonly category: ComplaintCategory;
  readonly text: string;
  readonly severity: Severity;
  readonly status: ComplaintStatus;
  readonly resolvedDate: string | null;
}

export interface TicketRow {
  readonly id: string;
  readonly customerId: string;
  readonly openedDate: string;
  readonly closedDate: string | null;
  readonly type: TicketType;
  readonly priority: Priority;
  readonly status: TicketStatus;
  readonly rating: number | null;
}

export interface TargetRow {
  readonly repId: string;
  /** YYYY-MM */
  readonly month: string;
  readonly amount: number;
}

export interface WalletRow {
  readonly customerId: string;
  readonly year: number;
  readonly competitor: string;
  /** The customer's yearly spend on what A公司 sells, all suppliers (repeated on each competitor's row). */
  readonly totalWallet: number;
  readonly competitorAmount: number;
}

export interface ChurnRow {
  readonly customerId: string;
  readonly date: string;
  readonly reason: ChurnReason;
  readonly reasonText: string;
  readonly winBackStatus: string;
}

export type DirtyKind = 'impossible_date' | 'text_amount' | 'duplicate' | 'yuan_symbol_amount' | 'wan_amount';

/** A deliberately dirty row in 订单明细.csv. */
export interface DirtyRow {
  readonly kind: DirtyKind;
  /** Index into orderLines of the clean line it derives from. */
  readonly lineIndex: number;
  /** Row number as a spreadsheet shows it (the header is row 1); for a duplicate, the copy's row. */
  readonly row: number;
  readonly orderId: string;
  readonly lineNo: number;
  /** Column whose text differs from the clean value; null for a duplicate. */
  readonly column: '下单日期' | '金额' | null;
  /** The text written in that column. */
  readonly written: string | null;
  /** What the importer should do with the row. */
  readonly expected: 'quarantine' | 'duplicate' | 'valid';
  /** For valid rows: the value the text must parse to. */
  readonly value: number | null;
}

export interface DemoCompany {
  readonly options: Required<DemoOptions>;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly reps: readonly RepRow[];
  readonly products: readonly ProductRow[];
  readonly campaigns: readonly CampaignRow[];
  readonly customers: readonly CustomerRow[];
  readonly orderLines: readonly OrderLineRow[];
  readonly opportunities: readonly OpportunityRow[];
  readonly stageHistory: readonly StageHistoryRow[];
  readonly interactions: readonly InteractionRow[];
  readonly surveys: readonly SurveyRow[];
  readonly nps: readonly NpsRow[];
  readonly complaints: readonly ComplaintRow[];
  readonly tickets: readonly TicketRow[];
  readonly targets: readonly TargetRow[];
  readonly wallet: readonly WalletRow[];
  readonly churnRecords: readonly ChurnRow[];
  readonly dirtyRows: readonly DirtyRow[];
  readonly truth: DemoTruth;
}
