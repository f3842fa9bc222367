/*
 * app-config.production.yaml must give every plugin a working PostgreSQL database. Runs when
 * KUBEYARD_TEST_PG holds a connection string (`.ci/run` starts a PostgreSQL and sets it);
 * reported as skipped otherwise.
 */
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import knexFactory from 'knex';
import path from 'node:path';

const pgUrl = process.env.KUBEYARD_TEST_PG;
const itWithPostgres = pgUrl ? it : it.skip;

function environmentFrom(url: string): Record<string, string> {
  const parsed = new URL(url);
  return {
    POSTGRES_HOST: parsed.hostname,
    POSTGRES_PORT: parsed.port || '5432',
    POSTGRES_USER: decodeURIComponent(parsed.username),
    POSTGRES_PASSWORD: decodeURIComponent(parsed.password),
    APP_BASE_URL: 'http://localhost:3000',
    BACKEND_BASE_URL: 'http://localhost:7007',
  };
}

describe('app-config.production.yaml database', () => {
  itWithPostgres(
    'creates and connects a per-plugin PostgreSQL database',
    async () => {
      const env = environmentFrom(pgUrl!);
      const config = await ConfigSources.toConfig(
        FileConfigSource.create({
          path: path.resolve(__dirname, '../../../app-config.production.yaml'),
          watch: false,
          substitutionFunc: async name => env[name],
        }),
      );
      expect(config.getString('backend.database.client')).toBe('pg');

      const pluginId = `kubeyardsmoke${Date.now()}`;
      const manager = DatabaseManager.fromConfig(config);
      const database = manager.forPlugin(pluginId, {
        logger: mockServices.logger.mock(),
        lifecycle: mockServices.lifecycle.mock(),
      });
      const knex = await database.getClient();
      try {
        const result = await knex.raw('select current_database() as name');
        expect(result.rows[0].name).toBe(`backstage_plugin_${pluginId}`);
        await knex.schema.createTable('smoke', table => table.increments('id'));
        await knex('smoke').insert({});
        expect(await knex('smoke').count({ n: '*' })).toEqual([{ n: '1' }]);
      } finally {
        await knex.destroy();
        const admin = knexFactory({ client: 'pg', connection: pgUrl });
        await admin.raw(`drop database if exists "backstage_plugin_${pluginId}"`);
        await admin.destroy();
      }
    },
    60_000,
  );
});
