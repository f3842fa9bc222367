import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { KubeyardClient } from '@kubeyard/backstage-plugin-kubeyard-common';
import { kubeyardApiRef } from '../api/kubeyardApiRef';

/** `api:kubeyard`: the HTTP client of kubeyard-backend, with the user's credentials. */
export const kubeyardApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kubeyardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KubeyardClient({
          discovery: discoveryApi,
          fetch: (input, init) => fetchApi.fetch(input, init),
        }),
    }),
});
