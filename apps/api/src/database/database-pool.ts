import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';

export type DatabaseMode = 'embedded' | 'server';

/** How the API reaches its database, decided once from the configuration (see AppConfig.databaseMode). */
export interface DatabaseSettings {
  url: string;
  mode: DatabaseMode;
  poolSize: number;
}

/** What the one pool is told: mode and size come from the configuration (see AppConfig.databaseMode). */
export function databaseSettings(config: AppConfig, url: string): DatabaseSettings {
  return { url, mode: config.databaseMode, poolSize: config.databasePoolSize };
}

export const DATABASE_SETTINGS = Symbol('DATABASE_SETTINGS');

/** The slice of a database client that transactional code needs: run a statement, get its rows. */
export interface SqlClient {
  /** `name`: a prepared statement on this connection (parsed and planned once), where the mode allows it. */
  query<T = any>(text: string, params?: unknown[], name?: string): Promise<T[]>;
}

/**
 * The API's one way to the database: one pg pool, created and configured here, that raw SQL (every service) and
 * TypeORM (migrations and the users entity, through `typeormDriver()`) share. Errors are not translated here: pg's
 * errors and TypeORM's (which carry the same SQLSTATE) reach common/database-errors.ts through the exception filter.
 * Going around TypeORM for plain statements matters: its query() builds a query runner per call, which measured as a
 * large share of a cheap read, and on these machines every round trip costs a socket syscall.
 */
@Injectable()
export class DatabasePool implements SqlClient, OnApplicationShutdown {
  readonly mode: DatabaseMode;
  readonly poolSize: number;
  private readonly pool: pg.Pool;
  /** Named (prepared) statements only on a server: PGlite keeps one session across reconnects, where one would already exist. */
  private readonly prepare: boolean;
  private ended = false;

  constructor(@Inject(DATABASE_SETTINGS) settings: DatabaseSettings) {
    if (settings.mode === 'embedded' && settings.poolSize !== 1) throw new Error('The embedded database serves one session: pool size must be 1.');
    this.mode = settings.mode;
    this.poolSize = settings.poolSize;
    this.prepare = settings.mode === 'server';
    this.pool = new pg.Pool({ connectionString: settings.url, max: settings.poolSize, connectionTimeoutMillis: 5000 });
    // pg-pool removes its error listener while a client is checked out, and a server shutdown can reach a client in
    // that moment: an 'error' event with no listener ends the process. So every client gets a listener for life; the
    // pool still drops the client, which pg marks as no longer queryable.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
    // An idle client losing its server is dropped by the pool; the next request reconnects (or answers 503).
    this.pool.on('error', () => undefined);
  }

  /** One statement, its rows (for UPDATE/DELETE too: the RETURNING rows, unlike TypeORM's `[rows, count]`). */
  query<T = any>(text: string, params: unknown[] = [], name?: string): Promise<T[]> {
    return this.rows<T>(text, params, name);
  }

  /** `name` makes it a prepared statement on each connection (server mode): parsed and planned once, then only bound. */
  async rows<T>(text: string, params: unknown[], name?: string): Promise<T[]> {
    // Not pool.query(): it destroys the connection on any error, and an error the server answered (a refused write,
    // bad input) leaves the connection fine; the next statement on the pool then failed with "Connection terminated".
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return (await client.query({ text, values: params, ...(name && this.prepare ? { name } : {}) })).rows as T[];
    } catch (error) {
      if (!isServerAnswer(error)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** A transaction on one pooled client: committed when `work` resolves, rolled back when it throws. */
  async transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async (text, params = [], name) => (await client.query({ text, values: params, ...(name && this.prepare ? { name } : {}) })).rows,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A refusal thrown by `work` (409, 404…) leaves the connection fine; one that cannot roll back goes.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * The `pg` module as TypeORM's postgres driver sees it (its `driver` option), except that `new Pool()` hands back
   * this pool: TypeORM borrows it rather than opening a second one. Its `end()` is ours to call (on shutdown), so the
   * borrowed pool ignores TypeORM's.
   */
  typeormDriver(): typeof pg {
    const pool = this.pool;
    const borrowed = new Proxy(pool, {
      get(target, key) {
        if (key === 'end') return (callback?: (error?: Error) => void) => (callback ? callback() : Promise.resolve());
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { ...pg, Pool: function BorrowedPool() { return borrowed; } as unknown as typeof pg.Pool };
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.pool.end();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.end();
  }
}

/** An error the server sent in answer to a statement (it has an SQLSTATE): the connection itself is still usable. */
function isServerAnswer(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code) && 'severity' in (error as object);
}
