/** A row of small cards, one figure each (a page's totals), with test ids `<prefix>-<key>`; `children` adds cards of its own. */
import { Card, Col, Row, Statistic, type ColProps } from 'antd';
import type { ReactNode } from 'react';

export interface StatCard {
  readonly key: string;
  readonly title: string;
  readonly value: string;
}

const defaultSpan: ColProps = { xs: 12, md: 8, xl: 6, xxl: 3 };

export function StatCards({ cards, prefix, span = defaultSpan, children }: { cards: readonly StatCard[]; prefix: string; span?: ColProps; children?: ReactNode }) {
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} {...span}>
          <Card size="small" data-testid={`${prefix}-${c.key}`} style={{ height: '100%' }}>
            <Statistic title={c.title} value={c.value} />
          </Card>
        </Col>
      ))}
      {children}
    </Row>
  );
}
