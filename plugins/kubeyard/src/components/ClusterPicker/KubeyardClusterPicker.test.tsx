import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { kubeyardApiRef } from '../../api/kubeyardApiRef';
import { MockKubeyardApi } from '../../testing/MockKubeyardApi';
import { KubeyardClusterPicker } from './KubeyardClusterPicker';

function renderPicker(formData: unknown[], onChange: jest.Mock) {
  const props = {
    formData,
    onChange,
    required: true,
    rawErrors: [],
    schema: { title: 'Clusters', description: 'Pick clusters' },
    idSchema: { $id: 'root_clusters' },
    uiSchema: {},
  } as any;
  return renderInTestApp(
    <TestApiProvider apis={[[kubeyardApiRef, new MockKubeyardApi()]]}>
      <KubeyardClusterPicker {...props} />
    </TestApiProvider>,
  );
}

describe('KubeyardClusterPicker', () => {
  it('drops the empty item RJSF seeds array fields with', async () => {
    const onChange = jest.fn();
    await renderPicker([undefined], onChange);
    expect(onChange).toHaveBeenCalledWith([]);
  });

  it('offers the fleet clusters and refuses unreachable ones', async () => {
    const onChange = jest.fn();
    await renderPicker([], onChange);
    fireEvent.mouseDown(screen.getByLabelText(/Clusters/));
    const options = await screen.findAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    const down = options.find(o => /unreachable/.test(o.textContent ?? ''));
    expect(down).toHaveAttribute('aria-disabled', 'true');
    const healthy = options.find(o => o.getAttribute('aria-disabled') !== 'true')!;
    fireEvent.click(healthy);
    expect(onChange).toHaveBeenLastCalledWith([healthy.textContent!.split(' ')[0]]);
  });
});
