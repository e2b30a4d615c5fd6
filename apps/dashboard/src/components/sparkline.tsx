const WIDTH = 96;
const HEIGHT = 24;

interface Props {
  values: number[];
  /** The top of the scale: 100 for scores, the largest value when omitted. */
  max?: number;
  label: string;
}

/** A small line as inline SVG: far lighter than a chart instance per table row. */
export function Sparkline({ values, max, label }: Props) {
  if (values.length === 0) return <span class="muted">no history</span>;
  const top = Math.max(1, max ?? Math.max(...values));
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const y = (value: number) => HEIGHT - 2 - (value / top) * (HEIGHT - 4);
  const last = values[values.length - 1];
  return (
    <svg class="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {values.length === 1 ? (
        <circle cx={WIDTH / 2} cy={y(last)} r="2" />
      ) : (
        <polyline points={values.map((value, i) => `${(i * step).toFixed(1)},${y(value).toFixed(1)}`).join(' ')} />
      )}
    </svg>
  );
}
