/** The forecast chart's tooltip: actual months say their value, forecast months their value and both intervals' bounds (not the stacked widths). */
import { describe, expect, it } from 'vitest';
import { forecastTooltip } from '../../src/web/charts/forecast-option.js';

const labels = { actual: 'Actual', forecast: 'Forecast', band80: '80%', band95: '95%' };
const history = [{ month: '2025-11', revenue: 120_000 }, { month: '2025-12', revenue: 150_000 }];
const forecast = [{ month: '2026-01', revenue: 140_000, lower80: 100_000, upper80: 180_000, lower95: 80_000, upper95: 200_000 }];
const wan = (v: number) => v / 10_000;

describe('forecastTooltip', () => {
  it('gives an actual month its value in the chosen unit', () => {
    expect(forecastTooltip(history, forecast, labels, wan, [{ dataIndex: 1 }])).toBe(`2025-12<br/>Actual: ${(15).toLocaleString()}`);
  });

  it('gives a forecast month its value and the bounds of both intervals', () => {
    const text = forecastTooltip(history, forecast, labels, wan, [{ dataIndex: 2 }]);
    expect(text.split('<br/>')).toEqual(['2026-01', `Forecast: ${(14).toLocaleString()}`, `80%: ${(10).toLocaleString()} – ${(18).toLocaleString()}`, `95%: ${(8).toLocaleString()} – ${(20).toLocaleString()}`]);
  });
});
