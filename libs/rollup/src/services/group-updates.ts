import { compareNumericIds, type KeyedTraitUpdate, type TraitUpdate } from '../planning';

/** Trait updates per row id (sorted ids, the order rows are locked in). */
export function groupUpdatesByRow(updates: KeyedTraitUpdate[], rowIdOf: ReadonlyMap<string, string>): Map<string, TraitUpdate[]> {
  const byRow = new Map<string, TraitUpdate[]>();
  for (const update of updates) {
    const rowId = rowIdOf.get(update.key);
    if (rowId === undefined) throw new Error(`no row resolved for trait update of "${update.key}"`);
    const list = byRow.get(rowId);
    if (list) list.push(update);
    else byRow.set(rowId, [update]);
  }
  return new Map([...byRow].sort(([a], [b]) => compareNumericIds(a, b)));
}
