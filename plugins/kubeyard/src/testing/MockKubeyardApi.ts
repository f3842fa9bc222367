import { NotFoundError } from '@backstage/errors';
import type {
  ClusterDetail,
  ClustersResponse,
  ClusterSummary,
  EntityWorkloadsResponse,
  FederationResponse,
  KubeyardApi,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import {
  clusterDetails,
  clusterSummaries,
  entityWorkloads,
  federation,
} from './fixtures';

/** What a MockKubeyardApi serves; every field defaults to the fixture fleet. */
export interface MockKubeyardData {
  clusters: ClusterSummary[];
  details: Record<string, ClusterDetail>;
  workloads: Record<string, EntityWorkloadsResponse>;
  federation: FederationResponse;
}

/** A KubeyardApi serving fixture data, for tests and the dev page. */
export class MockKubeyardApi implements KubeyardApi {
  private readonly data: MockKubeyardData;

  constructor(
    data: Partial<MockKubeyardData> = {},
    /** Makes every method reject with this error, e.g. a ResponseError. */
    private readonly failure?: Error,
  ) {
    this.data = {
      clusters: data.clusters ?? clusterSummaries(),
      details: data.details ?? clusterDetails(),
      workloads: data.workloads ?? entityWorkloads(),
      federation: data.federation ?? federation(),
    };
  }

  async getClusters(): Promise<ClustersResponse> {
    this.throwIfFailing();
    return { clusters: this.data.clusters };
  }

  async getCluster(name: string): Promise<ClusterDetail> {
    this.throwIfFailing();
    const detail = this.data.details[name];
    if (!detail) throw new NotFoundError(`No cluster named '${name}'`);
    return detail;
  }

  async getEntityWorkloads(
    entityRef: string,
  ): Promise<EntityWorkloadsResponse> {
    this.throwIfFailing();
    return (
      this.data.workloads[entityRef] ?? {
        entityRef,
        selector: {},
        clusters: [],
      }
    );
  }

  async getFederation(): Promise<FederationResponse> {
    this.throwIfFailing();
    return this.data.federation;
  }

  private throwIfFailing() {
    if (this.failure) throw this.failure;
  }
}
