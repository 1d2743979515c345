/**
 * The label columns of customer_scores, which DuckDB stores as enumerations
 * (migration 12). A new label is a new migration that widens its column.
 */
export const scoreLabels = {
  rfm_code: Array.from({ length: 125 }, (_, i) => [Math.floor(i / 25), Math.floor(i / 5) % 5, i % 5].map((d) => d + 1).join('')),
  value_tier: ['strategic', 'high_value', 'potential', 'long_tail'],
  rfm_tier: ['high_value', 'potential', 'churn_risk', 'low_value'],
  rfm_segment: [
    'Champions', 'Potential Loyalist', 'Loyal Customers', 'Promising', 'New Customers', "Can't Lose Them",
    'At Risk', 'Need Attention', 'About To Sleep', 'Lost', 'Others',
  ],
  abc_class: ['A', 'B', 'C'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type ScoreLabelColumn = keyof typeof scoreLabels;

/** DuckDB's spelling of the column type, as information_schema reports it. */
export function enumType(labels: readonly string[]): string {
  return `ENUM(${labels.map((l) => `'${l.replaceAll("'", "''")}'`).join(', ')})`;
}
