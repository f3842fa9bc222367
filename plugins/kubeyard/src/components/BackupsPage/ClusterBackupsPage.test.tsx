import { screen, within } from '@testing-library/react';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { ClusterBackupsPage } from './ClusterBackupsPage';

function renderCluster(cluster: string) {
  return renderWithApi(<ClusterBackupsPage />, {
    mountPath: '/kubeyard/backups/:cluster',
    initialRouteEntries: [`/kubeyard/backups/${cluster}`],
  });
}

describe('ClusterBackupsPage', () => {
  it('lists locations, schedules with cron and next run, backups and restores with drills marked', async () => {
    await renderCluster('prod-eu-west');
    expect(await screen.findByText('Backup storage locations (1)')).toBeInTheDocument();
    expect(screen.getByText('kubeyard-backups-eu/prod-eu-west')).toBeInTheDocument();

    const daily = screen.getByText('0 2 * * *').closest('tr')!;
    expect(within(daily).getByText('Enabled')).toBeInTheDocument();
    expect(within(daily).getByText('in 14 h')).toBeInTheDocument();
    expect(within(daily).getByText(/except kube-system/)).toBeInTheDocument();
    const weekly = screen.getByText('0 1 * * 0').closest('tr')!;
    expect(within(weekly).getAllByText('paused')).toHaveLength(2);
    expect(screen.getByText(/labels backup=true/)).toBeInTheDocument();

    expect(screen.getByText('Backups (9)')).toBeInTheDocument();
    const partial = screen.getByText('daily-3').closest('tr')!;
    expect(within(partial).getByText('PartiallyFailed').closest('[data-tone]')).toHaveAttribute('data-tone', 'warning');
    expect(within(partial).getByText('0 / 4')).toBeInTheDocument();
    expect(within(partial).getByText('6 min')).toBeInTheDocument();

    const drill = screen.getByText('checkout-drill-1').closest('tr')!;
    expect(within(drill).getByText('drill')).toBeInTheDocument();
    expect(within(drill).getByText('checkout-prod → checkout-prod-restored')).toBeInTheDocument();
    expect(within(drill).getByText('14 min')).toBeInTheDocument();
    expect(within(screen.getByText('payments-recovery').closest('tr')!).getByText('restore')).toBeInTheDocument();
    expect(screen.getByText(/Schedule weekly-full is paused/)).toBeInTheDocument();
  });

  it('shows an Unavailable location and empty schedules and restores', async () => {
    await renderCluster('prod-us-east');
    expect(await screen.findByText('NoSuchBucket')).toBeInTheDocument();
    expect(screen.getAllByText('Unavailable')[0].closest('[data-tone]')).toHaveAttribute('data-tone', 'error');
    expect(screen.getByText('No Schedule: only manual backups are made.')).toBeInTheDocument();
    expect(screen.getByText('No restores, and so no restore drill yet.')).toBeInTheDocument();
  });

  it('shows the error for an unknown cluster', async () => {
    await renderCluster('nope');
    expect(await screen.findAllByText(/no cluster named "nope"/)).not.toHaveLength(0);
  });
});
