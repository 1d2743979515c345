/** Target attainment as a progress bar: full at 100% (the text still says 160%), coloured by how close it is. */
import { Progress, Typography } from 'antd';
import { useLang } from '../../app/i18n.js';
import { formatPercent } from '../../app/money.js';
import { attainmentBand, bandColor } from './team-shape.js';

export function AttainmentProgress({ attainment, noTarget }: { attainment: number | null; noTarget: string }) {
  const { lang } = useLang();
  if (attainment === null) return <Typography.Text type="secondary">{noTarget}</Typography.Text>;
  return (
    <Progress
      size="small"
      style={{ minWidth: 140, margin: 0 }}
      percent={Math.max(0, Math.min(100, attainment * 100))}
      strokeColor={bandColor(attainmentBand(attainment))}
      format={() => <span data-testid="attainment">{formatPercent(attainment, lang)}</span>}
    />
  );
}
