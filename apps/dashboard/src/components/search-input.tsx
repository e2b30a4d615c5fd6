import { useEffect, useRef, useState } from 'preact/hooks';

const DEBOUNCE_MS = 300;

interface Props {
  value: string;
  onSearch: (text: string) => void;
}

/** Name or domain text; asks the API once typing pauses, not at every key. */
export function SearchInput({ value, onSearch }: Props) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => setText(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onInput = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(next.trim().slice(0, 200)), DEBOUNCE_MS);
  };
  return (
    <label class="field field-grow">
      <span class="field-label">Search</span>
      <input type="search" placeholder="Name or domain" value={text} onInput={(event) => onInput(event.currentTarget.value)} />
    </label>
  );
}
