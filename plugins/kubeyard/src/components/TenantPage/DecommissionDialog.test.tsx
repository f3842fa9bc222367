import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TenantPage } from './TenantPage';

async function responseError(
  status: number,
  statusText: string,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      {
        status,
        statusText,
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

async function openDialog(api = new MockKubeyardApi()) {
  renderWithApi(<TenantPage />, {
    api,
    mountPath: '/kubeyard/tenants/:name',
    initialRouteEntries: ['/kubeyard/tenants/payments-prod'],
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Decommission' }));
  const dialog = await screen.findByRole('dialog', {
    name: 'Decommission payments-prod',
  });
  return {
    dialog,
    input: within(dialog).getByLabelText('Type payments-prod to confirm'),
    submit: within(dialog).getByRole('button', { name: 'Decommission' }),
    force: within(dialog).getByRole('checkbox', {
      name: 'Force, even while workloads are running',
    }),
  };
}

describe('DecommissionDialog', () => {
  it('says what will be deleted and explains force', async () => {
    const { dialog } = await openDialog();
    expect(dialog).toHaveTextContent(
      'This deletes the namespace payments-prod and everything in it (workloads, volumes, secrets) from 2 clusters (prod-eu, prod-us), and removes the tenant from the catalog. It cannot be undone.',
    );
    expect(
      within(dialog).getByText(
        /Without force, Kubeyard refuses to decommission while pods run/,
      ),
    ).toBeInTheDocument();
  });

  it('keeps the button disabled until the tenant name is typed exactly', async () => {
    const { input, submit } = await openDialog();
    expect(submit).toBeDisabled();
    fireEvent.change(input, { target: { value: 'payments' } });
    expect(submit).toBeDisabled();
    fireEvent.change(input, { target: { value: 'Payments-Prod' } });
    expect(submit).toBeDisabled();
    fireEvent.change(input, { target: { value: 'payments-prod' } });
    expect(submit).toBeEnabled();
  });

  it('decommissions with the typed name and force, then shows the operation', async () => {
    const api = new MockKubeyardApi();
    jest.spyOn(api, 'deleteTenant');
    const { dialog, input, submit, force } = await openDialog(api);

    fireEvent.change(input, { target: { value: 'payments-prod' } });
    fireEvent.click(force);
    fireEvent.click(submit);

    expect(
      await within(dialog).findByText(
        /Decommissioning accepted: operation op-101 is running, 2 steps\./,
      ),
    ).toBeInTheDocument();
    expect(api.deleteTenant).toHaveBeenCalledWith('payments-prod', {
      confirm: 'payments-prod',
      force: true,
    });
    const steps = within(dialog).getByRole('table', {
      name: 'steps of op-101',
    });
    expect(within(steps).getAllByRole('row')).toHaveLength(3);
    expect(within(steps).getAllByText('delete')).toHaveLength(2);
    expect(
      within(dialog).queryByRole('button', { name: 'Decommission' }),
    ).toBeNull();

    // The page reloads and shows the tenant as terminating.
    expect(
      await screen.findByText('payments-prod is being decommissioned.'),
    ).toBeInTheDocument();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(
      await screen.findByRole('button', { name: 'Decommission' }),
    ).toBeDisabled();
  });

  it('shows the 409 when workloads are still running, and lets the user retry', async () => {
    const api = new MockKubeyardApi();
    jest
      .spyOn(api, 'deleteTenant')
      .mockRejectedValue(
        await responseError(
          409,
          'Conflict',
          'ConflictError',
          'payments-prod has 12 running pods on prod-eu; scale them down or decommission with force',
        ),
      );
    const { dialog, input, submit } = await openDialog(api);

    fireEvent.change(input, { target: { value: 'payments-prod' } });
    fireEvent.click(submit);

    expect(
      await within(dialog).findByText(
        '409 Conflict: payments-prod has 12 running pods on prod-eu; scale them down or decommission with force',
      ),
    ).toBeInTheDocument();
    expect(api.deleteTenant).toHaveBeenCalledWith('payments-prod', {
      confirm: 'payments-prod',
      force: false,
    });
    expect(submit).toBeEnabled();
    expect(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    ).toBeEnabled();
  });

  it('shows the 403 when forcing is not allowed', async () => {
    const api = new MockKubeyardApi();
    jest
      .spyOn(api, 'deleteTenant')
      .mockRejectedValue(
        await responseError(
          403,
          'Forbidden',
          'NotAllowedError',
          'user:default/bob may not force the decommission of payments-prod',
        ),
      );
    const { dialog, input, submit, force } = await openDialog(api);

    fireEvent.change(input, { target: { value: 'payments-prod' } });
    fireEvent.click(force);
    fireEvent.click(submit);

    expect(
      await within(dialog).findByText(
        '403 Forbidden: user:default/bob may not force the decommission of payments-prod',
      ),
    ).toBeInTheDocument();
  });

  it('forgets what was typed when cancelled', async () => {
    const { dialog, input } = await openDialog();
    fireEvent.change(input, { target: { value: 'payments-prod' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(
      await screen.findByRole('button', { name: 'Decommission' }),
    );
    const reopened = await screen.findByRole('dialog');
    expect(
      within(reopened).getByLabelText('Type payments-prod to confirm'),
    ).toHaveValue('');
    expect(
      within(reopened).getByRole('button', { name: 'Decommission' }),
    ).toBeDisabled();
  });
});
