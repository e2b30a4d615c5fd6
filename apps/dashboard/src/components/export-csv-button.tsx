import { useState } from 'preact/hooks';
import type { QueryValues } from '../api/api-client';
import { useApi } from '../auth/session';

/** Downloads /v1/accounts/export.csv of the current filter and order (fetched with the token). */
export function ExportCsvButton({ filter }: { filter: QueryValues }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportCsv = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.download('/v1/accounts/export.csv', filter, 'accounts.csv');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="export">
      <button type="button" class="button button-primary" onClick={() => void exportCsv()} disabled={busy}>
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
      {error && (
        <span class="status-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
