/*
 * The cost endpoints: GET /costs (report) and GET /costs/export.csv (the same report as FOCUS
 * CSV). Both need `kubeyard.cost.read`; a conditional decision narrows the rows to the
 * caller's groups.
 */
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { focusCsv, parseCostQuery, type CostReport } from '@kubeyard/backstage-plugin-kubeyard-common';
import type express from 'express';
import Router from 'express-promise-router';
import { fieldErrorHandler, RequestValidationError } from '../tenants/routeHelpers';
import type { CostAuthorizer } from './costPermissions';
import { buildCostReport, type CostReportSources } from './costReport';
import { combineFilters, entityFilters, queryFilters } from './entityFilters';

/** Dependencies of {@link createCostRouter}. */
export interface CostRouterOptions {
  sources: CostReportSources;
  authorizer: CostAuthorizer;
  httpAuth: HttpAuthService;
}

/** The cost router. */
export function createCostRouter({ sources, authorizer, httpAuth }: CostRouterOptions): express.Router {
  const router = Router();

  const report = async (req: express.Request): Promise<CostReport> => {
    const parsed = parseCostQuery(req.query as Record<string, unknown>);
    if (!parsed.success) throw new RequestValidationError(parsed.errors, 'the cost query');
    const credentials = await httpAuth.credentials(req);
    const scope = await authorizer.scope(credentials);
    const entity = parsed.query.entityRef ? await entityFilters(parsed.query.entityRef, sources.catalog, credentials) : {};
    return buildCostReport(sources, {
      query: parsed.query,
      fromMs: parsed.window.start,
      toMs: parsed.window.end,
      filters: combineFilters(queryFilters(parsed.query), entity),
      scope,
    });
  };

  router.get('/costs', async (req, res) => {
    res.json(await report(req));
  });

  router.get('/costs/export.csv', async (req, res) => {
    const body = await report(req);
    const buckets = body.query.step === 'total' ? [{ start: body.totals.start, end: body.totals.end, allocations: body.groups }] : body.series;
    const name = `kubeyard-costs-${body.query.groupBy}-${body.query.from.slice(0, 10)}-${body.query.to.slice(0, 10)}.csv`;
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${name}"`)
      .send(focusCsv(buckets, { groupBy: body.query.groupBy, currency: body.currency }));
  });

  router.use(fieldErrorHandler);
  return router;
}
