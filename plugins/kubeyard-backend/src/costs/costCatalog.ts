/*
 * What costs read from the catalog: owner Groups (title, cost center, monthly budget
 * annotation) and the entities a report can be narrowed to. The collector has no request to
 * take credentials from, so catalog reads use the plugin's own service credentials; reports
 * only ever show groups the cost rows already name.
 */
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { parseEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { KUBEYARD_LABELS, labelValueProblem } from '@kubeyard/backstage-plugin-kubeyard-common';

/** Group annotation naming the Group's cost center. */
export const COST_CENTER_ANNOTATION = KUBEYARD_LABELS.costCenter;
/** Group annotation holding the Group's monthly budget (a number, in the report currency). */
export const MONTHLY_BUDGET_ANNOTATION = 'kubeyard.io/monthly-budget';

/** A Group as costs use it. */
export interface CostGroup {
  /** Entity ref, lower case. */
  ref: string;
  title: string;
  costCenter?: string;
  /** From MONTHLY_BUDGET_ANNOTATION, when it holds a positive number. */
  monthlyBudget?: number;
}

/**
 * Reads a Group entity as costs use it. A cost center that is not a valid label value (what
 * namespaces and tenant specs hold, and what the cost tables' column fits) is ignored and
 * reported through `onProblem`: one bad annotation must not fail every sample.
 */
export function costGroupOf(entity: Entity, onProblem?: (message: string) => void): CostGroup {
  const annotations = entity.metadata.annotations ?? {};
  const budget = Number(annotations[MONTHLY_BUDGET_ANNOTATION]);
  const profileName = (entity.spec as any)?.profile?.displayName;
  const ref = stringifyEntityRef(entity).toLowerCase();
  const costCenter = annotations[COST_CENTER_ANNOTATION] || undefined;
  const costCenterProblem = costCenter === undefined ? undefined : labelValueProblem(costCenter);
  if (costCenterProblem) onProblem?.(`ignoring the ${COST_CENTER_ANNOTATION} annotation of ${ref}: ${costCenterProblem}`);
  return {
    ref,
    title: entity.metadata.title ?? (typeof profileName === 'string' ? profileName : entity.metadata.name),
    costCenter: costCenterProblem ? undefined : costCenter,
    monthlyBudget: annotations[MONTHLY_BUDGET_ANNOTATION] !== undefined && budget > 0 && Number.isFinite(budget) ? budget : undefined,
  };
}

/** Where attribution finds owner Groups: the catalog, or (the demo backfill) the catalog's files. */
export type CostGroupReader = Pick<CostCatalog, 'groups'>;

/** Catalog reads of the cost feature. */
export class CostCatalog {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly logger?: LoggerService,
  ) {}

  private readonly warn = (message: string) => this.logger?.warn(message);

  /** The Groups among `refs` that exist in the catalog, by lower-case ref. */
  async groups(refs: Iterable<string>): Promise<Map<string, CostGroup>> {
    const wanted = [...new Set([...refs].filter(ref => ref.startsWith('group:')))];
    const result = new Map<string, CostGroup>();
    if (wanted.length === 0) return result;
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: wanted, fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title', 'metadata.annotations', 'spec.profile'] },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    for (const entity of items) {
      if (entity && entity.kind.toLowerCase() === 'group') {
        const group = costGroupOf(entity, this.warn);
        result.set(group.ref, group);
      }
    }
    return result;
  }

  /** Every Group carrying a monthly budget annotation. */
  async groupsWithBudgets(): Promise<CostGroup[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'Group', [`metadata.annotations.${MONTHLY_BUDGET_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title', 'metadata.annotations', 'spec.profile'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.map(entity => costGroupOf(entity, this.warn)).filter(group => group.monthlyBudget !== undefined);
  }

  /** One entity, read with the caller's credentials (so the caller must be able to see it). */
  async entity(ref: string, credentials: Parameters<CatalogService['getEntityByRef']>[1]['credentials']): Promise<Entity | undefined> {
    return this.catalog.getEntityByRef(stringifyEntityRef(parseEntityRef(ref)), { credentials });
  }
}
