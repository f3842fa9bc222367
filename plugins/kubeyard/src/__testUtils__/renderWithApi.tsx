import {
  mockApis,
  renderInTestApp,
  TestAppOptions,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { KubeyardApi } from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeyardApiRef } from '../api/kubeyardApiRef';
import { rootRouteRef } from '../routes';
import { MockKubeyardApi } from '../testing/MockKubeyardApi';

/**
 * Renders an element in a test app with a KubeyardApi, the Kubeyard page at /kubeyard and
 * catalog entity pages at /catalog (for EntityRefLink), and a permission API.
 */
export function renderWithApi(
  element: JSX.Element,
  options: {
    api?: KubeyardApi;
    mountPath?: string;
    initialRouteEntries?: string[];
    mountedRoutes?: TestAppOptions['mountedRoutes'];
    /** What the permission API answers (default: allow everything). */
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    /** More APIs, e.g. `mockApis.fetch(…)`. */
    apis?: TestAppOptions['apis'];
  } = {},
) {
  return renderInTestApp(element, {
    apis: [
      [kubeyardApiRef, options.api ?? new MockKubeyardApi()],
      [permissionApiRef, mockApis.permission({ authorize: options.permission ?? AuthorizeResult.ALLOW })],
      ...(options.apis ?? []),
    ],
    mountedRoutes: {
      '/kubeyard': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      ...options.mountedRoutes,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.initialRouteEntries,
  });
}
