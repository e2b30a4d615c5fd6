/** Rows of a set-based read, grouped by the key each one names, in the order read. */
export function groupRows<R, V>(rows: readonly R[], split: (row: R) => [string, V]): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const [key, value] = split(row);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
