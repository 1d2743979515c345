/**
 * ABC classes by revenue: customers sorted by monetary (desc); A while the
 * revenue before them is under the A share of the total, B under the B
 * share, else C. Customers with no positive revenue are C.
 */
export function abcSql(rfm: string, a: number, b: number): string {
  return `SELECT *,
    CASE WHEN monetary <= 0 THEN 'C'
         WHEN coalesce(before_share, 0) < ${a} THEN 'A'
         WHEN before_share < ${b} THEN 'B'
         ELSE 'C' END AS abc_class
  FROM (
    SELECT *, (sum(greatest(monetary, 0)) OVER (ORDER BY monetary DESC, customer_id ROWS UNBOUNDED PRECEDING) - greatest(monetary, 0))
              / nullif((SELECT sum(greatest(monetary, 0)) FROM ${rfm}), 0) AS before_share
    FROM ${rfm}
  ) AS shares`;
}
