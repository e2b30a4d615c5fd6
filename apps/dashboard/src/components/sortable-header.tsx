import type { Order, Sort } from '../pages/accounts-view';

/** Text columns start A to Z; numbers and days start with the highest. */
const TEXT_SORTS: readonly Sort[] = ['name', 'domain'];

interface Props {
  label: string;
  sort: Sort;
  current: { sort: Sort; order: Order };
  onSort: (sort: Sort, order: Order) => void;
  numeric?: boolean;
}

/** A column header that asks the API for another order; `aria-sort` says the current one. */
export function SortableHeader({ label, sort, current, onSort, numeric }: Props) {
  const active = current.sort === sort;
  const nextOrder: Order = active ? (current.order === 'asc' ? 'desc' : 'asc') : TEXT_SORTS.includes(sort) ? 'asc' : 'desc';
  return (
    <th
      scope="col"
      class={numeric ? 'numeric' : undefined}
      aria-sort={active ? (current.order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" class="sort-button" onClick={() => onSort(sort, nextOrder)}>
        {label}
        <span class="sort-indicator" aria-hidden="true">
          {active ? (current.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
