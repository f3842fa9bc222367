import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { SyncChip } from './SyncChip';

function secondsAgo(seconds: number): string {
  return new Date(Date.now() - seconds * 1000).toISOString();
}

describe('SyncChip', () => {
  it('shows how long ago a synced cluster was synced, with the API latency on hover', async () => {
    renderInTestApp(
      <SyncChip
        sync={{ state: 'synced', lastSyncTime: secondsAgo(12), latencyMs: 35 }}
      />,
    );
    expect(
      await screen.findByText(/^synced 1[2-3] s ago$/),
    ).toBeInTheDocument();
    expect(screen.getByTitle('API latency 35 ms')).toBeInTheDocument();
  });

  it('marks a stale cluster', async () => {
    renderInTestApp(
      <SyncChip sync={{ state: 'stale', lastSyncTime: secondsAgo(300) }} />,
    );
    expect(
      await screen.findByText('stale, synced 5 min ago'),
    ).toBeInTheDocument();
  });

  it('shows why a stale cluster stopped answering', async () => {
    renderInTestApp(
      <SyncChip
        sync={{
          state: 'stale',
          error: 'HTTP 503',
          lastSyncTime: secondsAgo(120),
        }}
      />,
    );
    expect(
      await screen.findByText('stale, synced 2 min ago'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^HTTP 503/)).toBeInTheDocument();
  });

  it('shows the error of a cluster that is down', async () => {
    renderInTestApp(
      <SyncChip
        sync={{
          state: 'error',
          error: '401 Unauthorized',
          lastSyncTime: secondsAgo(7200),
        }}
      />,
    );
    expect(await screen.findByText('sync error')).toBeInTheDocument();
    expect(
      screen.getByText('401 Unauthorized (last synced 2 h ago)'),
    ).toBeInTheDocument();
  });

  it('leaves the error out where a banner already shows it', async () => {
    renderInTestApp(
      <SyncChip
        sync={{ state: 'error', error: '401 Unauthorized' }}
        showError={false}
      />,
    );
    expect(await screen.findByText('sync error')).toBeInTheDocument();
    expect(screen.queryByText(/401 Unauthorized/)).not.toBeInTheDocument();
  });

  it('shows a cluster still being listed for the first time', async () => {
    renderInTestApp(<SyncChip sync={{ state: 'syncing' }} />);
    expect(await screen.findByText('syncing…')).toBeInTheDocument();
  });
});
