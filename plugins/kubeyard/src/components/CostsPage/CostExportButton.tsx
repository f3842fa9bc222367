import { ResponseError } from '@backstage/errors';
import { fetchApiRef, useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import type { CostQuery } from '@kubeyard/backstage-plugin-kubeyard-common';
import { useState } from 'react';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { describeError } from '../shared';

/** The file name of an export: `kubeyard-costs-owner-2025-03-01-2025-03-31.csv` (last day inclusive in the name). */
export function exportFileName(query: CostQuery): string {
  const last = new Date(
    Date.parse(`${query.to.slice(0, 10)}T00:00:00Z`) - 86_400_000,
  )
    .toISOString()
    .slice(0, 10);
  return `kubeyard-costs-${query.groupBy}-${query.from.slice(
    0,
    10,
  )}-${last}.csv`;
}

/**
 * Downloads the CSV export of a query. The backend wants the user's Backstage token, which a
 * plain link would not send: the file is fetched with the fetch API and saved from a blob.
 */
export function CostExportButton(props: { query: CostQuery }) {
  const { query } = props;
  const api = useApi(kubeyardApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetchApi.fetch(await api.getCostExportUrl(query));
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = exportFileName(query);
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box display="flex" flexDirection="column" alignItems="flex-end">
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        onClick={download}
        disabled={busy}
      >
        {busy ? 'Downloading…' : 'Download CSV'}
      </Button>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          Export failed: {describeError(error)}
        </Typography>
      )}
    </Box>
  );
}
