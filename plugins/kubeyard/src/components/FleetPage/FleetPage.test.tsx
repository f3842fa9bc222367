import { ResponseError } from '@backstage/errors';
import { act, screen, within } from '@testing-library/react';
import { REFRESH_INTERVAL_MS } from '../../hooks/usePolling';
import { clusterSummaries, DOWN_CLUSTER_ERROR } from '../../testing/fixtures';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { FleetPage } from './FleetPage';

function rowOf(clusterName: string): HTMLElement {
  const row = screen.getByRole('link', { name: clusterName }).closest('tr');
  if (!row) throw new Error(`no row for ${clusterName}`);
  return row;
}

describe('FleetPage', () => {
  it('shows one row per cluster with status, sync, nodes, usage and findings', async () => {
    renderWithApi(<FleetPage />);

    expect(await screen.findByText('Clusters (4)')).toBeInTheDocument();

    const healthy = rowOf('prod-eu-west');
    expect(within(healthy).getByText('healthy')).toBeInTheDocument();
    expect(within(healthy).getByText(/^synced \d+ s ago$/)).toBeInTheDocument();
    expect(within(healthy).getByText('v1.31.4')).toBeInTheDocument();
    expect(within(healthy).getByText('6/6 ready')).toBeInTheDocument();
    expect(
      within(healthy).getByText('eu-west-1a, eu-west-1b, eu-west-1c'),
    ).toBeInTheDocument();
    expect(
      within(healthy).getByText('28.5 cores of 46 cores (62%)'),
    ).toBeInTheDocument();
    expect(
      within(healthy).getByText('96 GiB of 184 GiB (52%)'),
    ).toBeInTheDocument();
    expect(within(healthy).getByText('212')).toBeInTheDocument();
    expect(within(healthy).getByText('1 warning')).toBeInTheDocument();
    expect(within(healthy).getByText('3 info')).toBeInTheDocument();

    const degraded = rowOf('prod-us-east');
    expect(within(degraded).getByText('degraded')).toBeInTheDocument();
    expect(within(degraded).getByText('5/6 ready')).toBeInTheDocument();
    expect(within(degraded).getByText('2 critical')).toBeInTheDocument();

    expect(
      within(rowOf('staging')).getByText(/^stale, synced 6 min ago$/),
    ).toBeInTheDocument();
    expect(within(rowOf('staging')).getByText('unknown')).toBeInTheDocument();
  });

  it("shows the down cluster's error in its row and keeps the rest of the page working", async () => {
    renderWithApi(<FleetPage />);

    await screen.findByText('Clusters (4)');
    const down = rowOf('edge-ap-south');
    expect(within(down).getByText('unreachable')).toBeInTheDocument();
    expect(within(down).getByText('sync error')).toBeInTheDocument();
    expect(
      within(down).getByText(`${DOWN_CLUSTER_ERROR} (last synced 10 min ago)`),
    ).toBeInTheDocument();
    expect(within(down).getByText('none')).toBeInTheDocument();
    expect(screen.getByText('1 unreachable')).toBeInTheDocument();
    expect(
      screen.getByText('4 clusters, 18 nodes (17 ready), 503 pods'),
    ).toBeInTheDocument();
  });

  it('links each cluster to its cluster page', async () => {
    renderWithApi(<FleetPage />);
    expect(
      await screen.findByRole('link', { name: 'prod-us-east' }),
    ).toHaveAttribute('href', '/kubeyard/clusters/prod-us-east');
  });

  it('explains how to configure clusters when there are none', async () => {
    renderWithApi(<FleetPage />, {
      api: new MockKubeyardApi({ clusters: [] }),
    });
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
    expect(
      screen.getByText(/kubernetes\.clusterLocatorMethods/),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend cannot be reached', async () => {
    const error = new Error('Request failed with 503 Service Unavailable');
    renderWithApi(<FleetPage />, { api: new MockKubeyardApi({}, error) });
    expect(
      await screen.findByText(
        'Error: Request failed with 503 Service Unavailable',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Clusters \(/)).not.toBeInTheDocument();
  });

  it('shows a ResponseError from the backend', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message: 'not allowed to read clusters',
        },
        response: { statusCode: 403 },
      }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'content-type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response);
    renderWithApi(<FleetPage />, { api: new MockKubeyardApi({}, error) });
    expect(
      await screen.findAllByText(/not allowed to read clusters/),
    ).not.toHaveLength(0);
  });

  describe('auto-refresh', () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    it('refreshes every 15 s and keeps the table when a refresh fails', async () => {
      jest.useFakeTimers({ advanceTimers: true });
      const [first, ...rest] = clusterSummaries();
      const api = new MockKubeyardApi();
      jest
        .spyOn(api, 'getClusters')
        .mockResolvedValueOnce({ clusters: rest })
        .mockResolvedValueOnce({ clusters: [first, ...rest] })
        .mockRejectedValue(new Error('backend restarting'));
      renderWithApi(<FleetPage />, { api });

      expect(await screen.findByText('Clusters (3)')).toBeInTheDocument();

      await act(async () => {
        jest.advanceTimersByTime(REFRESH_INTERVAL_MS);
      });
      expect(await screen.findByText('Clusters (4)')).toBeInTheDocument();

      await act(async () => {
        jest.advanceTimersByTime(REFRESH_INTERVAL_MS);
      });
      expect(
        await screen.findByText(/Could not refresh: backend restarting/),
      ).toBeInTheDocument();
      expect(screen.getByText('Clusters (4)')).toBeInTheDocument();
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    });
  });
});
