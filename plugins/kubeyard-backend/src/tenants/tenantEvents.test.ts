import { mockServices } from '@backstage/backend-test-utils';
import { startSimulator } from '@kubeyard/kube-simulator';
import request from 'supertest';
import { tenantScenario } from '../testing/tenantScenario';
import { eventually, startTenantBackend, tenantInput, type Sim } from './__testUtils__/tenantTestKit';

jest.setTimeout(120_000);

describe('kubeyard.tenant.changed', () => {
  let sim: Sim;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: tenantScenario(), port: 0, seed: 1 });
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('is published after an apply and after a decommission, so the catalog updates at once', async () => {
    const events = mockServices.events.mock();
    const backend = await startTenantBackend(sim, { features: [events.factory] });
    try {
      const server = backend.server;
      await eventually('clusters synced', async () => {
        const res = await request(server).get('/api/kubeyard/clusters');
        return res.body.clusters?.every((c: any) => c.sync.state === 'synced');
      });
      const apply = await request(server).post('/api/kubeyard/tenants?mode=apply').send(tenantInput('evented', ['alpha']));
      expect(apply.body.status).toBe('succeeded');
      expect(events.publish).toHaveBeenCalledWith({ topic: 'kubeyard.tenant.changed', eventPayload: { tenant: 'evented' } });

      events.publish.mockClear();
      const removal = await request(server).delete('/api/kubeyard/tenants/evented?confirm=evented');
      expect(removal.body.status).toBe('succeeded');
      expect(events.publish).toHaveBeenCalledWith({ topic: 'kubeyard.tenant.changed', eventPayload: { tenant: 'evented' } });
    } finally {
      await backend.stop();
    }
  });
});
