import { screen, within } from '@testing-library/react';
import { DOWN_CLUSTER_ERROR } from '../../testing/fixtures';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { ClusterPage } from './ClusterPage';

function renderCluster(name: string) {
  return renderWithApi(<ClusterPage />, {
    mountPath: '/kubeyard/clusters/:name',
    initialRouteEntries: [`/kubeyard/clusters/${name}`],
  });
}

describe('ClusterPage', () => {
  it('shows the zones with their nodes, roles, taints and conditions not OK', async () => {
    renderCluster('prod-us-east');

    expect(await screen.findByText('Zone us-east-1a')).toBeInTheDocument();
    expect(screen.getByText('Zone us-east-1b')).toBeInTheDocument();
    expect(screen.getByText('3 nodes, 2 ready')).toBeInTheDocument();

    const notReady = screen.getAllByText('use-worker-b1')[0].closest('tr')!;
    expect(within(notReady).getByText('NotReady')).toBeInTheDocument();
    expect(
      within(notReady).getByText('Ready=False (KubeletNotReady)'),
    ).toBeInTheDocument();
    expect(
      within(notReady).getByText(
        'MemoryPressure=True (KubeletHasInsufficientMemory)',
      ),
    ).toBeInTheDocument();
    expect(
      within(notReady).getByText('7.8 cores / 8 cores'),
    ).toBeInTheDocument();
    expect(within(notReady).getByText('30 GiB / 32 GiB')).toBeInTheDocument();

    const gpu = screen.getByText('use-gpu-b2').closest('tr')!;
    expect(
      within(gpu).getByText('nvidia.com/gpu=present:NoSchedule'),
    ).toBeInTheDocument();
    expect(within(gpu).getByText('cordoned')).toBeInTheDocument();
  });

  it('explains the control plane and its etcd quorum', async () => {
    renderCluster('prod-us-east');

    expect(await screen.findByText('Control plane')).toBeInTheDocument();
    expect(
      screen.getByText('2 nodes in 2 zones: us-east-1a, us-east-1b'),
    ).toBeInTheDocument();
    const etcd = screen.getByRole('table', { name: 'etcd members' });
    expect(within(etcd).getByText('etcd-use-cp-1')).toBeInTheDocument();
    expect(screen.getByText('etcd members (2/2 ready)')).toBeInTheDocument();
    expect(
      screen.getByText(
        '2 etcd members: a quorum is 2, so the cluster tolerates ⌊(2−1)/2⌋ = 0 member failures.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Losing any one member stops all writes/),
    ).toBeInTheDocument();
  });

  it('lists findings worst first with their fixes', async () => {
    renderCluster('prod-us-east');

    expect(await screen.findByText('Findings (4)')).toBeInTheDocument();
    expect(
      screen.getByText(
        '2 etcd members tolerate no failure: losing either one loses quorum.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Add a third control-plane node, ideally in a third zone (us-east-1c).',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByTitle('critical')).toHaveLength(2);
    expect(screen.getAllByTitle('warning')).toHaveLength(2);
  });

  it('shows why a cluster that is down is down, and its last synced state', async () => {
    renderCluster('edge-ap-south');

    expect(
      await screen.findByText(
        new RegExp(`edge-ap-south is unreachable: ${DOWN_CLUSTER_ERROR}`),
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Zone ap-south-1a')).toBeInTheDocument();
    expect(screen.getByText(/No findings/)).toBeInTheDocument();
  });

  it('shows the error for a cluster the backend does not know', async () => {
    renderCluster('nope');
    expect(
      await screen.findByText("Error: No cluster named 'nope'"),
    ).toBeInTheDocument();
  });
});
