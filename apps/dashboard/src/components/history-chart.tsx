import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SubjectHistoryBody } from '../api/api-types';
import { formatScore } from '../format';

const HEIGHT = 260;

function chartData(points: SubjectHistoryBody['points']): uPlot.AlignedData {
  return [points.map((point) => Date.parse(`${point.day}T00:00:00Z`) / 1000), points.map((point) => point.engagement_score)];
}

/** The score of each stored day, drawn by uPlot; `data-points` says how many days it holds. */
export function HistoryChart({ history, days }: { history: SubjectHistoryBody; days: number }) {
  const container = useRef<HTMLDivElement>(null);
  const points = history.points;

  useEffect(() => {
    const element = container.current;
    if (!element || points.length === 0) return;
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: HEIGHT,
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        scales: { y: { range: [0, 100] } },
        axes: [{ stroke: '#4b5563' }, { stroke: '#4b5563', label: 'Score' }],
        legend: { show: false },
        series: [
          {},
          {
            label: 'Engagement score',
            stroke: '#2454c5',
            width: 2,
            fill: 'rgba(36, 84, 197, 0.08)',
            points: { show: points.length <= 31 },
          },
        ],
      },
      chartData(points),
      element,
    );
    const resize = () => chart.setSize({ width: Math.max(320, element.clientWidth), height: HEIGHT });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.destroy();
    };
  }, [points]);

  const last = points[points.length - 1];
  const label =
    points.length === 0
      ? `No score history in the last ${days} days`
      : `Engagement score over the last ${days} days: ${points.length} scored days, latest ${formatScore(last.engagement_score)} on ${last.day}`;
  return (
    <div class="chart" ref={container} role="img" aria-label={label} data-points={points.length}>
      {points.length === 0 && <p class="status status-empty">No score history yet.</p>}
    </div>
  );
}
