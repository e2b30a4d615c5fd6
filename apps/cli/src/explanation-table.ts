import type { AccountExplanationBody } from '@coil/accounts';

type Cell = string | number;

/** Columns padded to their widest cell; numbers right-aligned. */
function table(rows: readonly Cell[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (typeof cell === 'number' ? String(cell).padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
}

function percent(share: number): string {
  return `${(share * 100).toFixed(2)} %`;
}

/** `scores explain` for a person at a terminal: the contributions as a table, then the change and the filter. */
export function describeExplanation(trackingId: string, explained: AccountExplanationBody): string {
  const { time_frame: frame, benchmark, change } = explained;
  const lines = [
    `Account ${trackingId} (id ${explained.id}), profile ${explained.profile}, ${frame.start}..${frame.end} (${frame.days} days)`,
    `engagement_score ${explained.engagement_score ?? 'none (left out by the filter)'} from raw_score ${explained.raw_score} ` +
      `and p90 ${benchmark.p90} (${benchmark.accounts_in_benchmark} accounts in the benchmark)`,
    `  ${benchmark.formula}`,
    '',
    ...table([
      ['FEATURE', 'EVENT', 'COUNT', 'WEIGHT', 'POINTS', 'SHARE'],
      ...explained.contributions.map((c) => [c.feature ?? '-', c.event, c.count, c.weight, c.points, percent(c.share)]),
      ['', 'total', '', '', explained.raw_score, explained.contributions.length > 0 ? percent(1) : ''],
    ]),
    '',
    change === null
      ? 'No change yet: no stored score one time frame earlier.'
      : `Change since ${change.since}: ${change.from} -> ${change.to} (${change.delta > 0 ? '+' : ''}${change.delta})`,
    ...(change === null || change.drivers.length === 0
      ? []
      : table(change.drivers.map((d) => ['  ', d.feature ?? '-', d.event, `${d.delta_points > 0 ? '+' : ''}${d.delta_points} points`]))),
    ...explained.filters_applied.map(
      (filter) =>
        `Filter "${filter.rule}": ${filter.in_scope ? 'in scope' : 'leaves this account out'}, ` +
        `${filter.excluded_members} of its users' events not counted`,
    ),
  ];
  return lines.join('\n');
}
