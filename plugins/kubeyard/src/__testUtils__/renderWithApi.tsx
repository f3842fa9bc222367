import {
  renderInTestApp,
  TestAppOptions,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { KubeyardApi } from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeyardApiRef } from '../api/kubeyardApiRef';
import { rootRouteRef } from '../routes';
import { MockKubeyardApi } from '../testing/MockKubeyardApi';

/**
 * Renders an element in a test app with a KubeyardApi, the Kubeyard page at /kubeyard and
 * catalog entity pages at /catalog (for EntityRefLink).
 */
export function renderWithApi(
  element: JSX.Element,
  options: {
    api?: KubeyardApi;
    mountPath?: string;
    initialRouteEntries?: string[];
    mountedRoutes?: TestAppOptions['mountedRoutes'];
  } = {},
) {
  return renderInTestApp(element, {
    apis: [[kubeyardApiRef, options.api ?? new MockKubeyardApi()]],
    mountedRoutes: {
      '/kubeyard': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      ...options.mountedRoutes,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.initialRouteEntries,
  });
}
