import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
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

/** A transaction's client: its statements, and its last one sent together with COMMIT. */
export interface TransactionClient extends SqlClient {
  /**
   * The transaction's last statement and its COMMIT in one round trip (where the connection pipelines): resolves with
   * the statement's rows once both are answered; a statement that fails rolls the whole transaction back (PostgreSQL
   * answers the COMMIT of a failed transaction with ROLLBACK) and rejects with its error. Nothing may follow it.
   */
  queryAndCommit<T = any>(text: string, params: unknown[], name?: string): Promise<T[]>;
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
  private readonly url: string;
  private copyPool: pg.Pool | undefined;

  constructor(@Inject(DATABASE_SETTINGS) settings: DatabaseSettings) {
    if (settings.mode === 'embedded' && settings.poolSize !== 1) throw new Error('The embedded database serves one session: pool size must be 1.');
    this.mode = settings.mode;
    this.poolSize = settings.poolSize;
    this.prepare = settings.mode === 'server';
    this.url = settings.url;
    // Pipelined (server mode): a statement sent while the one before it is still being answered goes at once, so a
    // transaction's BEGIN travels with its first statement and its COMMIT with its last. On these machines each round
    // trip costs a socket write that wakes the server's process: two fewer per transaction measured as a fifth of the
    // API's CPU in the reconnect storm (bench/RESULTS.md, seventh session). Statements still run one after the other.
    this.pool = newPool({ connectionString: settings.url, max: settings.poolSize, pipeline: this.prepare });
  }

  /** One statement, its rows (for UPDATE/DELETE too: the RETURNING rows, unlike TypeORM's `[rows, count]`). */
  query<T = any>(text: string, params: unknown[] = [], name?: string): Promise<T[]> {
    return this.rows<T>(text, params, name);
  }

  /** `name` makes it a prepared statement on each connection (server mode): parsed and planned once, then only bound. */
  rows<T>(text: string, params: unknown[], name?: string): Promise<T[]> {
    return withClient(this.pool, async (client) => (await client.query({ text, values: params, ...(name && this.prepare ? { name } : {}) })).rows as T[]);
  }

  /**
   * A `COPY (SELECT …) TO STDOUT`: its rows as PostgreSQL sends them, in chunks (text format: a line per row, fields
   * split by tabs). For large reads: no row objects and no text decoded; COPY runs on one server process, where the
   * same SELECT ran three parallel ones. COPY takes no parameters: the statement must hold only checked literals.
   * A pipelined connection cannot stream a COPY: on a server it runs on a pool of its own (two connections at most,
   * closed after 10 s idle); the embedded database's one connection is not pipelined.
   */
  copyOut(text: string): Promise<Buffer[]> {
    const pool = this.prepare ? (this.copyPool ??= newPool({ connectionString: this.url, max: 2, idleTimeoutMillis: 10_000 })) : this.pool;
    return withClient(pool, async (client) => {
      const chunks: Buffer[] = [];
      for await (const chunk of client.query(copyTo(text))) chunks.push(chunk as Buffer);
      return chunks;
    });
  }

  /**
   * A transaction on one pooled client: committed when `work` resolves (or by its queryAndCommit), rolled back when
   * it throws. BEGIN is not waited for on its own: its answer comes before the first statement's, and is checked then.
   */
  async transaction<T>(work: (client: TransactionClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    let committed = false;
    // Pipelined clients only: statements sent together leave in one socket write.
    const socket = this.prepare ? socketOf(client) : undefined;
    try {
      // BEGIN and the first statement (sent in this same tick) go together.
      socket?.cork();
      const begun = client.query('BEGIN');
      begun.catch(() => undefined); // its failure is thrown by the statement that awaits it
      if (socket) process.nextTick(() => socket.uncork());
      else await begun;
      // After queryAndCommit a statement would run outside any transaction: refused, never silently autocommitted.
      const stillOpen = () => {
        if (committed) throw new Error('A transaction takes no statement after queryAndCommit.');
      };
      const send = (text: string, params: unknown[], name?: string) => {
        stillOpen();
        return client.query({ text, values: params, ...(name && this.prepare ? { name } : {}) });
      };
      const result = await work({
        query: async (text, params = [], name) => {
          const answer = await send(text, params, name);
          await begun;
          return answer.rows;
        },
        queryAndCommit: async (text, params, name) => {
          stillOpen();
          socket?.cork();
          const last = send(text, params, name);
          committed = true;
          const commit = client.query('COMMIT');
          socket?.uncork();
          const [answer, ended] = await Promise.allSettled([last, commit]);
          await begun;
          if (answer.status === 'rejected') throw answer.reason;
          if (ended.status === 'rejected') throw ended.reason;
          if (ended.value.command !== 'COMMIT') throw new Error(`The transaction ended with ${ended.value.command}, not COMMIT.`);
          return answer.value.rows;
        },
      });
      if (!committed) await client.query('COMMIT');
      return result;
    } catch (error) {
      // A refusal thrown by `work` (409, 404…) leaves the connection fine; one that cannot roll back goes. (After a
      // queryAndCommit there is no transaction left: ROLLBACK then only warns.)
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
    await Promise.all([this.pool.end(), this.copyPool?.end()]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.end();
  }
}

/** A pool that outlives its server going away: a broken client is dropped, the next request reconnects (or answers 503). */
function newPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ connectionTimeoutMillis: 5000, ...config });
  // pg-pool removes its error listener while a client is checked out, and a server shutdown can reach a client in
  // that moment: an 'error' event with no listener ends the process. So every client gets a listener for life; the
  // pool still drops the client, which pg marks as no longer queryable.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // An idle client losing its server is dropped by the pool.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * `work` on a client of the pool, released after. Not pool.query(): it destroys the connection on any error, and an
 * error the server answered (a refused write, bad input) leaves the connection fine; the next statement on the pool
 * then failed with "Connection terminated". Only a client that failed otherwise is released as broken.
 */
async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await work(client);
  } catch (error) {
    if (!isServerAnswer(error)) broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The client's socket, to send several statements in one write (pipelined clients only). */
function socketOf(client: pg.PoolClient): { cork(): void; uncork(): void } | undefined {
  return (client as Partial<pg.Client>).connection?.stream;
}

/** An error the server sent in answer to a statement (it has an SQLSTATE): the connection itself is still usable. */
function isServerAnswer(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code) && 'severity' in (error as object);
}
