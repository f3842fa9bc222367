/*
 * Owner Groups for the backfill's attribution while the catalog is not running yet: the Groups
 * in the catalog's file locations (`catalog.locations` of type file, read as the catalog reads
 * them). Location entities inside those files are not followed, and Groups from other entity
 * providers are not seen; their namespaces fall back to the `kubeyard.io/cost-center` label.
 */
import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { costGroupOf, type CostGroup, type CostGroupReader } from '@kubeyard/backstage-plugin-kubeyard-backend';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The Groups of the configured catalog files; relative targets resolve against `baseDir`. */
export function catalogFileGroups(config: Config, baseDir = process.cwd()): CostGroupReader {
  const groups = new Map<string, CostGroup>();
  for (const location of config.getOptionalConfigArray('catalog.locations') ?? []) {
    if (location.getString('type') !== 'file') continue;
    const file = path.resolve(baseDir, location.getString('target'));
    if (!fs.existsSync(file)) continue;
    for (const document of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const entity = document.toJS() as Entity | null;
      if (entity?.kind?.toLowerCase() !== 'group' || !entity.metadata?.name) continue;
      const group = costGroupOf({ ...entity, metadata: { namespace: 'default', ...entity.metadata } });
      groups.set(group.ref, group);
    }
  }
  return {
    async groups(refs) {
      return new Map([...refs].flatMap(ref => (groups.has(ref) ? [[ref, groups.get(ref)!] as const] : [])));
    },
  };
}
