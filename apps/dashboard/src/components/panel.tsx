import type { ComponentChildren } from 'preact';

/** A titled block of a page; its heading names the region for screen readers. */
export function Panel({ title, id, children, wide }: { title: string; id: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <section class={wide ? 'panel panel-wide' : 'panel'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
