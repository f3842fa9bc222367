import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { act, fireEvent, screen, within } from '@testing-library/react';
import {
  COMPENSATED_APPLY_ERROR,
  FAILING_CHECK_DETAIL,
  verifyReport,
} from '../../testing/fixtures';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TenantPage } from './TenantPage';

function renderTenant(name: string, api = new MockKubeyardApi()) {
  return renderWithApi(<TenantPage />, {
    api,
    mountPath: '/kubeyard/tenants/:name',
    initialRouteEntries: [`/kubeyard/tenants/${name}`],
  });
}

// Inside a Backstage Page, MUI class names carry a counter suffix.
const CARD = '[class*="MuiCard-root"]';

function cardOf(cluster: string): HTMLElement {
  const link = screen.getAllByRole('link', { name: cluster })[0];
  const found = link.closest(CARD);
  if (!found) throw new Error(`no card for ${cluster}`);
  return found as HTMLElement;
}

function card(title: string): HTMLElement {
  const found = screen
    .getAllByText(title)
    .map(element => element.closest(CARD))
    .find(Boolean);
  if (!found) throw new Error(`no card titled ${title}`);
  return found as HTMLElement;
}

describe('TenantPage', () => {
  it('shows the status and owner in the header', async () => {
    renderTenant('payments-prod');

    const header = await screen.findByRole('banner');
    expect(
      await within(header).findByText('Payments production'),
    ).toBeInTheDocument();
    expect(within(header).getByText('Active')).toBeInTheDocument();
    expect(
      within(header).getByRole('link', { name: /team-payments/ }),
    ).toHaveAttribute('href', '/catalog/default/group/team-payments');
    expect(
      within(header).getByRole('link', { name: 'Tenants' }),
    ).toHaveAttribute('href', '/kubeyard/tenants');
  });

  it('shows each cluster with its namespace, phase and quota gauges, alerting at 80 and 90 %', async () => {
    renderTenant('payments-prod');
    await screen.findByText('Spec');

    const eu = cardOf('prod-eu');
    expect(within(eu).getByText('Namespace payments-prod')).toBeInTheDocument();
    expect(within(eu).getByText('Active')).toBeInTheDocument();
    expect(
      within(eu).getByText('requests.cpu: 37.2 cores of 40 cores (93%)'),
    ).toBeInTheDocument();
    expect(
      within(eu).getByText(
        '93% of requests.cpu used: new pods may be rejected',
      ),
    ).toBeInTheDocument();
    expect(
      within(eu).getByText('requests.memory: 61 GiB of 100 GiB (61%)'),
    ).toBeInTheDocument();
    expect(within(eu).getByText('pods: 118 of 250 (47%)')).toBeInTheDocument();
    expect(within(eu).queryByText(/running low/)).toBeNull();

    const us = cardOf('prod-us');
    expect(
      within(us).getByText('requests.memory: 85 GiB of 100 GiB (85%)'),
    ).toBeInTheDocument();
    expect(
      within(us).getByText('85% of requests.memory used: running low'),
    ).toBeInTheDocument();
    expect(within(us).queryByText(/new pods may be rejected/)).toBeNull();
  });

  it('summarises the spec and links the users to the catalog', async () => {
    renderTenant('payments-prod');
    await screen.findByText('Spec');

    const spec = card('Spec');
    expect(
      within(spec).getByText('overrides: requests.cpu 40'),
    ).toBeInTheDocument();
    expect(within(spec).getByText('restricted')).toBeInTheDocument();
    expect(
      within(spec).getByText('Egress to payments-db on TCP/5432'),
    ).toBeInTheDocument();
    expect(
      within(spec).getByText('Internet egress allowed (HTTPS, TCP/443)'),
    ).toBeInTheDocument();
    expect(
      within(spec).getByText('registry.example.com/payments/'),
    ).toBeInTheDocument();

    const admins = screen.getByRole('group', { name: 'Admins' });
    expect(within(admins).getByRole('link', { name: /alice/ })).toHaveAttribute(
      'href',
      '/catalog/default/user/alice',
    );
    const developers = screen.getByRole('group', { name: 'Developers' });
    expect(
      within(developers).getByRole('link', { name: /team-payments/ }),
    ).toBeInTheDocument();
    const viewers = screen.getByRole('group', { name: 'Viewers' });
    expect(
      within(viewers).getByRole('link', { name: /auditors/ }),
    ).toHaveAttribute('href', '/catalog/default/group/auditors');
  });

  it('names the owner as admin when no admins are listed', async () => {
    renderTenant('checkout-staging');
    await screen.findByText('Spec');
    const admins = screen.getByRole('group', { name: 'Admins' });
    expect(
      within(admins).getByRole('link', { name: /team-checkout/ }),
    ).toBeInTheDocument();
    expect(
      within(admins).getByText(/the owner, by default/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Viewers' })).getByText('none'),
    ).toBeInTheDocument();
  });

  it('lists the findings with their fixes', async () => {
    renderTenant('payments-prod');
    expect(await screen.findByText('Findings (1)')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Raise the requests.cpu override or move the tenant to tier l.',
      ),
    ).toBeInTheDocument();
  });

  it('verifies on demand, with progress, and shows the report by category', async () => {
    const api = new MockKubeyardApi();
    let finish: () => void = () => {};
    jest.spyOn(api, 'verifyTenant').mockImplementation(
      () =>
        new Promise(resolve => {
          finish = () => resolve(verifyReport());
        }),
    );
    renderTenant('payments-prod', api);

    expect(await screen.findByText(/Not verified yet/)).toBeInTheDocument();
    const verify = within(card('Verify')).getByRole('button', {
      name: 'Verify',
    });
    fireEvent.click(verify);
    expect(api.verifyTenant).toHaveBeenCalledWith('payments-prod');
    expect(await screen.findByLabelText('verifying')).toBeInTheDocument();
    expect(
      screen.getByText(/Verifying payments-prod on 2 clusters/),
    ).toBeInTheDocument();
    expect(verify).toBeDisabled();

    await act(async () => finish());

    expect(
      await screen.findByText(
        /1 of 9 checks failed: the tenant is not isolated/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('verifying')).toBeNull();
    expect(
      screen.getByText('RBAC (SubjectAccessReviews): 4 checks, 1 failed'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Network (NetworkPolicy reachability): 2 checks, all passed',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Quota: 1 check, all passed')).toBeInTheDocument();

    const rbac = screen.getByRole('table', {
      name: 'RBAC (SubjectAccessReviews) checks',
    });
    const failing = within(rbac)
      .getByText('viewer cannot read secrets')
      .closest('tr')!;
    expect(within(failing).getByTitle('fail')).toBeInTheDocument();
    expect(within(failing).getByText('denied')).toBeInTheDocument();
    expect(within(failing).getByText('allowed')).toBeInTheDocument();
    expect(within(failing).getByText(FAILING_CHECK_DETAIL)).toBeInTheDocument();
    // Failures come first.
    expect(within(rbac).getAllByRole('row')[1]).toBe(failing);
    expect(within(rbac).getAllByTitle('pass')).toHaveLength(3);
    expect(
      within(card('Verify')).getByRole('button', { name: 'Verify again' }),
    ).toBeEnabled();
  });

  it('shows why verify failed', async () => {
    const api = new MockKubeyardApi();
    jest
      .spyOn(api, 'verifyTenant')
      .mockRejectedValue(
        new Error('prod-us did not answer the SubjectAccessReview'),
      );
    renderTenant('payments-prod', api);

    await screen.findByText('Spec');
    fireEvent.click(
      within(card('Verify')).getByRole('button', { name: 'Verify' }),
    );
    expect(
      await screen.findByText(
        'Error: prod-us did not answer the SubjectAccessReview',
      ),
    ).toBeInTheDocument();
  });

  it('lists the history newest first; an operation expands into its steps', async () => {
    renderTenant('payments-prod');
    expect(await screen.findByText('History (3)')).toBeInTheDocument();

    const history = card('History (3)');
    const operations = within(history).getAllByRole('button', {
      expanded: false,
    });
    expect(operations).toHaveLength(3);
    expect(operations[0]).toHaveTextContent('apply op-3');
    expect(operations[0]).toHaveTextContent('succeeded');
    expect(operations[1]).toHaveTextContent('apply op-2');
    expect(operations[1]).toHaveTextContent('compensated');
    expect(operations[1]).toHaveTextContent(COMPENSATED_APPLY_ERROR);
    expect(operations[1]).toHaveTextContent('by user:default/alice');
    expect(operations[1]).toHaveTextContent('3 steps');
    expect(screen.queryByRole('table', { name: 'steps of op-2' })).toBeNull();

    fireEvent.click(operations[1]);
    const steps = await screen.findByRole('table', { name: 'steps of op-2' });
    const rows = within(steps).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('prod-eu');
    expect(rows[0]).toHaveTextContent(
      '/ResourceQuota/payments-prod/tenant-quota',
    );
    expect(rows[0]).toHaveTextContent('update');
    expect(rows[0]).toHaveTextContent('compensated');
    expect(rows[0]).toHaveTextContent(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(within(rows[1]).getByText('failed')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText(COMPENSATED_APPLY_ERROR),
    ).toBeInTheDocument();
    expect(within(rows[2]).getByText('skipped')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('——');
  });

  it('says what failed and which cluster is missing the tenant', async () => {
    renderTenant('search-dev');

    expect(
      await screen.findByText(
        /The last operation failed: staging: connect ETIMEDOUT\. Applying the tenant again resumes it/,
      ),
    ).toBeInTheDocument();
    const staging = cardOf('staging');
    expect(within(staging).getByText('Missing')).toBeInTheDocument();
    expect(
      within(staging).getByText(
        /The namespace search-dev is missing from staging/,
      ),
    ).toBeInTheDocument();
    expect(
      within(staging).getByText('No ResourceQuota reported on this cluster.'),
    ).toBeInTheDocument();
    expect(within(card('Spec')).getByText('vcluster')).toBeInTheDocument();
  });

  it('shows the error for a tenant the backend does not know', async () => {
    renderTenant('nope');
    expect(
      await screen.findByText("Error: No tenant named 'nope'"),
    ).toBeInTheDocument();
  });
});

describe('TenantPage without permission', () => {
  // usePermission caches answers per permission and tenant across renders: a tenant name no
  // other test renders keeps the allow answers of the tests above out of this one.
  class LockedTenantApi extends MockKubeyardApi {
    async getTenant() {
      return { ...(await super.getTenant('payments-prod')), name: 'payments-locked' };
    }
  }

  it('disables Verify and Decommission and says who may use them', async () => {
    renderWithApi(<TenantPage />, {
      api: new LockedTenantApi(),
      mountPath: '/kubeyard/tenants/:name',
      initialRouteEntries: ['/kubeyard/tenants/payments-locked'],
      permission: AuthorizeResult.DENY,
    });

    // The reasons appear once the permission answers (the buttons are disabled meanwhile).
    const decommission = await screen.findByLabelText(
      /Only the platform team may decommission tenants/,
      {},
      { timeout: 5000 },
    );
    expect(
      within(decommission).getByRole('button', { name: 'Decommission' }),
    ).toBeDisabled();
    const verify = await screen.findByLabelText(
      /owning group and the platform team may verify/,
    );
    expect(within(verify).getByRole('button', { name: 'Verify' })).toBeDisabled();
  });
});
