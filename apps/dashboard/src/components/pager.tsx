interface Props {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / next over keyset pages. */
export function Pager({ hasPrevious, hasNext, onPrevious, onNext }: Props) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" class="button" disabled={!hasPrevious} onClick={onPrevious}>
        ← Previous
      </button>
      <button type="button" class="button" disabled={!hasNext} onClick={onNext}>
        Next →
      </button>
    </nav>
  );
}
