import { ResponseError } from '@backstage/errors';
import { screen, within } from '@testing-library/react';
import { backupsSummary } from '../../testing/fixtures';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { BackupsPage } from './BackupsPage';

function rowOf(text: string): HTMLElement {
  const row = screen.getAllByRole('link', { name: text })[0].closest('tr');
  if (!row) throw new Error(`no row for ${text}`);
  return row;
}

describe('BackupsPage', () => {
  it('summarises every cluster: Velero, locations, schedules, success rate, newest backup, findings', async () => {
    renderWithApi(<BackupsPage />);
    expect(await screen.findByText('Clusters (3)')).toBeInTheDocument();

    const eu = rowOf('prod-eu-west');
    expect(within(eu).getByText('installed')).toBeInTheDocument();
    expect(within(eu).getByText('1/1 available')).toBeInTheDocument();
    expect(within(eu).getByText('2 active, 1 paused')).toBeInTheDocument();
    expect(within(eu).getByText('100% succeeded')).toBeInTheDocument();
    expect(within(eu).getByText('34 min ago')).toBeInTheDocument();

    const us = rowOf('prod-us-east');
    expect(within(us).getByText('0/1 available').closest('[data-tone]')).toHaveAttribute('data-tone', 'error');
    expect(within(us).getByText('75% succeeded')).toBeInTheDocument();
    expect(within(us).getByText('2 critical')).toBeInTheDocument();

    const staging = rowOf('staging');
    expect(within(staging).getByText('not installed')).toBeInTheDocument();
    expect(within(staging).getByText('no backups finished')).toBeInTheDocument();

    expect(screen.getByText(/2 clusters of 3 run Velero/)).toHaveTextContent('1 covered, 1 partially covered, 1 uncovered');
    expect(screen.getAllByRole('link', { name: 'prod-eu-west' })[0]).toHaveAttribute('href', '/kubeyard/backups/prod-eu-west');
  });

  it('plots the last 7 days of backups by cluster and phase, with a legend and hover titles', async () => {
    renderWithApi(<BackupsPage />);
    const plot = await screen.findByRole('img', { name: /Backups of the last 7 days/ });
    const euRow = within(plot).getByTestId('timeline-row-prod-eu-west');
    const marks = euRow.querySelectorAll('rect');
    expect(marks).toHaveLength(9);
    expect(euRow.querySelectorAll('rect[data-phase="PartiallyFailed"]')).toHaveLength(1);
    expect(euRow.querySelector('rect[data-phase="InProgress"]')).toHaveAttribute('data-tone', 'pending');
    const failed = within(plot).getByTestId('timeline-row-prod-us-east').querySelector('rect[data-phase="Failed"]');
    expect(failed?.querySelector('title')?.textContent).toMatch(/daily-0 \(Failed\)[\s\S]*2 errors/);
    expect(screen.getByText('Failed / FailedValidation')).toBeInTheDocument();
    expect(within(plot).getByTestId('timeline-row-staging').querySelectorAll('rect')).toHaveLength(0);
  });

  it('lists coverage, uncovered first, with the uncovered workloads and why', async () => {
    renderWithApi(<BackupsPage />);
    expect(await screen.findByText('Coverage (3 namespaces)')).toBeInTheDocument();
    const checkout = screen.getByText('checkout-prod').closest('tr')!;
    expect(within(checkout).getByText('partial')).toBeInTheDocument();
    expect(within(checkout).getByText('daily, labelled-apps')).toBeInTheDocument();
    expect(within(checkout).getByText(/Deployment checkout-worker/)).toBeInTheDocument();
    expect(within(checkout).getByText('(labels not selected)')).toBeInTheDocument();
    const rows = screen.getByText('Coverage (3 namespaces)').closest('div[class*="MuiPaper"]')!.querySelectorAll('tbody tr');
    expect(rows[0]).toHaveTextContent('search-prod');
  });

  it('lists the findings with their fixes', async () => {
    renderWithApi(<BackupsPage />);
    expect(await screen.findByText('Findings (3)')).toBeInTheDocument();
    expect(screen.getByText(/is Unavailable: NoSuchBucket/)).toBeInTheDocument();
    expect(screen.getByText(/velero schedule unpause weekly-full/)).toBeInTheDocument();
    expect(screen.getByText(/Backup velero\/daily-0 on prod-us-east/)).toBeInTheDocument();
  });

  it('explains an empty fleet and a fleet without Velero', async () => {
    const { unmount } = await renderWithApi(<BackupsPage />, { api: new MockKubeyardApi({ backups: { clusters: [], timeline: [], coverage: { covered: 0, partial: 0, uncovered: 0 }, findings: [] } }) });
    expect(await screen.findByText('No clusters')).toBeInTheDocument();
    unmount();

    const noVelero = backupsSummary();
    noVelero.clusters = noVelero.clusters.map(c => ({ ...c, veleroInstalled: false }));
    noVelero.timeline = [];
    await renderWithApi(<BackupsPage />, { api: new MockKubeyardApi({ backups: noVelero }) });
    expect(await screen.findByText(/No cluster runs Velero/)).toBeInTheDocument();
    expect(screen.getByText('No backup started in the last 7 days.')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const error = await ResponseError.fromResponse(
      new Response(JSON.stringify({ error: { name: 'Error', message: 'backend down' } }), { status: 503, statusText: 'Service Unavailable', headers: { 'content-type': 'application/json' } }) as any,
    );
    renderWithApi(<BackupsPage />, { api: new MockKubeyardApi({}, error) });
    expect(await screen.findAllByText(/backend down/)).not.toHaveLength(0);
  });
});
