import { useSearchParams } from 'react-router-dom';
import type { BatchScope } from '../../api.ts';
import { BatchDetailView } from './BatchDetailView.tsx';
import { BatchHistory } from './BatchHistory.tsx';
import type { CatalogIndex } from './catalog-index.ts';

/**
 * The batch history, or one batch when the address names it (`?batch=12`), so a batch can be linked to
 * and the browser's back button returns to the list.
 */
export function BatchesBrowser({ scope, catalog }: { scope: BatchScope; catalog?: CatalogIndex }) {
  const [params, setParams] = useSearchParams();
  const opened = Number(params.get('batch'));
  const open = (batch: number | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (batch === null) next.delete('batch');
      else next.set('batch', String(batch));
      return next;
    });

  if (Number.isInteger(opened) && opened > 0) {
    return (
      <BatchDetailView
        key={opened}
        scope={scope}
        id={opened}
        catalog={catalog}
        onBack={() => open(null)}
        onOpen={open}
      />
    );
  }
  return <BatchHistory scope={scope} catalog={catalog} onOpen={open} />;
}
