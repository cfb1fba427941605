/**
 * A small trend line: the values (solid) against the path to the target (dashed). Decorative for screen
 * readers, which get the same numbers as text beside it. One value is no trend: it is said in the text
 * alone rather than drawn as a lone dot.
 */
import { tokens } from '@fluentui/react-components';
import type { KpiTrendPointDto } from '../../../shared/kpi-api.js';

export function TrendChart({
  points,
  width = 160,
  height = 40,
}: {
  points: readonly KpiTrendPointDto[];
  width?: number;
  height?: number;
}) {
  if (points.length < 2) return null;
  const all = points.flatMap((p) => [p.value, p.expected]);
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (i: number) => 4 + (i * (width - 8)) / (points.length - 1);
  const y = (v: number) => height - 4 - ((v - min) * (height - 8)) / span;
  const line = (pick: (p: KpiTrendPointDto) => number) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} aria-hidden="true" focusable="false" data-testid="trend-chart">
      <path
        d={line((p) => p.expected)}
        fill="none"
        stroke={tokens.colorNeutralStroke1}
        strokeDasharray="4 3"
      />
      <path d={line((p) => p.value)} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} />
      {points.map((p, i) => (
        <circle key={p.periodKey} cx={x(i)} cy={y(p.value)} r={3} fill={tokens.colorBrandForeground1} />
      ))}
    </svg>
  );
}
