import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { Remote } from '../use-remote.ts';
import { LoadError } from './LoadError.tsx';

interface RemoteViewProps<T> {
  remote: Remote<T> & { retry(): void };
  /** What is being loaded, named in the error with its retry button. */
  title: string;
  /** Placeholder lines while loading. */
  rows?: number;
  children(data: T): ReactNode;
}

/** What every page shows of something it fetches: a placeholder, then the data, or the reason with a retry. */
export function RemoteView<T>({ remote, title, rows = 3, children }: RemoteViewProps<T>) {
  if (remote.state === 'loading') return <Skeleton active paragraph={{ rows }} />;
  if (remote.state === 'error')
    return <LoadError title={title} error={remote.error} onRetry={remote.retry} />;
  if (remote.state === 'ok') return <>{children(remote.data)}</>;
  return null;
}
