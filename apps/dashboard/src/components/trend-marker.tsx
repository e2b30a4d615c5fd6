/** hot / cold / steady, as the API's `trend` metric says. */
export function TrendMarker({ trend }: { trend: 'hot' | 'cold' | 'steady' }) {
  return <span class={`trend trend-${trend}`}>{trend}</span>;
}
