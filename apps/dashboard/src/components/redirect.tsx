import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/** Replaces the current URL with `to`. */
export function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to]);
  return null;
}
