/** The loading, empty and error states every view shows the same way. */
export function Loading({ what }: { what: string }) {
  return (
    <p class="status" role="status">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: string }) {
  return <p class="status status-empty">{children}</p>;
}

export function ErrorNotice({ error }: { error: Error }) {
  return (
    <p class="status status-error" role="alert">
      {error.message}
    </p>
  );
}
