import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint, TemplateAction } from '@backstage/plugin-scaffolder-node';
import { kubeyardScaffolderModule } from './module';

describe('kubeyardScaffolderModule', () => {
  it('registers the tenant and backup actions with the scaffolder', async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions: (...added: TemplateAction<any, any, any>[]) => actions.push(...added) }]],
      features: [kubeyardScaffolderModule],
    });
    expect(actions.map(a => a.id)).toEqual([
      'kubeyard:tenant:plan',
      'kubeyard:tenant:apply',
      'kubeyard:tenant:verify',
      'kubeyard:backup:schedule',
      'kubeyard:backup:now',
      'kubeyard:backup:restore-drill',
    ]);
    for (const action of actions) {
      expect(action.examples?.length).toBeGreaterThan(0);
      expect(action.schema?.input).toMatchObject({ type: 'object' });
    }
  });
});
