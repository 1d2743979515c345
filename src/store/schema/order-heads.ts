/**
 * Order heads: order_lines.opens_order marks the one line that stands for its
 * order in order counts, so that counting orders is a filtered count(*)
 * instead of a count(DISTINCT order_id), which was two thirds of the RFM
 * aggregate's time over 20M lines.
 *
 * The head of an order, for each customer on it, is its first purchase line
 * by date, then line number: an order is dated by its first purchase line,
 * and an order of returns only has no head. Lines written without a mark
 * (NULL) send their whole order back through here; a store with none to mark
 * pays one scan of the column.
 */
/** The mark of a line among the lines of its order (a window: every line of the order must be in the relation). */
export const orderHeadSql = 'NOT is_return AND row_number() OVER (PARTITION BY order_id, customer_id ORDER BY is_return, order_date, line_no) = 1';

/**
 * The same heads as orderHeadSql, as the row ids (`_row`) of the head lines
 * in `relation` (DuckDB: arg_min by a struct). A grouping instead of a
 * window: the window sorted every line of the order along with its keys,
 * which over a fresh import's wide rows cost more than the rest of the write.
 * Line numbers are unique within an order, so the minimum is one line.
 */
export function orderHeadRowsSql(relation: string): string {
  return `SELECT arg_min(_row, {d_missing: order_date IS NULL, d: order_date, n: line_no}) AS _head FROM ${relation} WHERE NOT is_return GROUP BY order_id, customer_id`;
}

export const markOrderHeadsSql = `UPDATE order_lines SET opens_order = heads.opens
FROM (
  SELECT order_id, line_no, ${orderHeadSql} AS opens
  FROM order_lines WHERE order_id IN (SELECT order_id FROM order_lines WHERE opens_order IS NULL)
) AS heads
WHERE order_lines.order_id = heads.order_id AND order_lines.line_no = heads.line_no
  AND order_lines.opens_order IS DISTINCT FROM heads.opens`;
