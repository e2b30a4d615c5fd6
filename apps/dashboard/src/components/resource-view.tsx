import type { ComponentChildren } from 'preact';
import type { Resource } from '../hooks/use-resource';
import { ErrorNotice, Loading } from './status-message';

/** Shows a resource's error, its loading state until the first answer, then `children(data)`. */
export function ResourceView<T>({
  resource,
  what,
  children,
}: {
  resource: Resource<T>;
  what: string;
  children: (data: T) => ComponentChildren;
}) {
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (resource.data === undefined) return <Loading what={what} />;
  return <>{children(resource.data)}</>;
}
