/** Segment's convention for named pages: `Viewed {name} Page`, or `Viewed Page` without a name. */
export function pageEventName(kind: 'page' | 'screen', name: string | undefined): string {
  const noun = kind === 'page' ? 'Page' : 'Screen';
  const trimmed = name?.trim();
  return trimmed ? `Viewed ${trimmed} ${noun}` : `Viewed ${noun}`;
}
