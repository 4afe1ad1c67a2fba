import { DatabasePool } from '../../apps/api/src/database/database-pool';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * DatabasePool.transaction on a real database, in both modes: on a server, BEGIN travels with the first statement and
 * queryAndCommit sends the last statement with COMMIT (pipelined); embedded, the same calls run one at a time. Either
 * way a transaction is all or nothing, and the connection it used serves the next one.
 */
describe('transactions: BEGIN with the first statement, the last one with COMMIT; COPY out', () => {
  let t: TestApp;
  let pool: DatabasePool;
  const ids = async () => (await pool.query<{ id: number }>(`SELECT id FROM tx_probe ORDER BY id`)).map((r) => r.id);

  beforeAll(async () => {
    t = await createTestApp();
    pool = t.app.get(DatabasePool);
    // A scratch table of this test's own database (dropped with it).
    await pool.query(`CREATE TABLE tx_probe (id int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await pool.query(`DELETE FROM tx_probe`);
  });

  it('commits every statement, and answers the last one with its rows', async () => {
    const rows = await pool.transaction(async (m) => {
      await m.query(`INSERT INTO tx_probe VALUES (1)`);
      return m.queryAndCommit<{ id: number }>(`INSERT INTO tx_probe VALUES ($1) RETURNING id`, [2], 'tx_probe_insert');
    });
    expect(rows).toEqual([{ id: 2 }]);
    expect(await ids()).toEqual([1, 2]);
  });

  it('a last statement that fails takes the whole transaction back, and the connections stay usable', async () => {
    await pool.query(`INSERT INTO tx_probe VALUES (1)`);
    const failed = pool.transaction(async (m) => {
      await m.query(`INSERT INTO tx_probe VALUES (3)`);
      return m.queryAndCommit(`INSERT INTO tx_probe VALUES ($1)`, [1]);
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await ids()).toEqual([1]);
    // Every pooled connection answers again, and none was left inside a transaction.
    const counts = await Promise.all(Array.from({ length: pool.poolSize * 2 }, () => pool.transaction(async (m) => {
      await m.query(`SELECT 1`);
      return m.queryAndCommit<{ n: number }>(`SELECT count(*)::int AS n FROM tx_probe`, []);
    })));
    expect(counts.every(([row]) => row!.n === 1)).toBe(true);
    const [open] = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(open!.n).toBe(0);
  });

  it('a statement that fails in the middle rolls back what came before it; a refusal thrown by the work too', async () => {
    await expect(pool.transaction(async (m) => {
      await m.query(`INSERT INTO tx_probe VALUES (4)`);
      await m.query(`INSERT INTO tx_probe VALUES ('not a number')`);
    })).rejects.toMatchObject({ code: '22P02' });
    await expect(pool.transaction(async (m) => {
      await m.query(`INSERT INTO tx_probe VALUES (5)`);
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await ids()).toEqual([]);
  });

  it('refuses a statement after queryAndCommit: it would run outside the transaction', async () => {
    await expect(pool.transaction(async (m) => {
      await m.queryAndCommit(`INSERT INTO tx_probe VALUES (9)`, []);
      await m.query(`INSERT INTO tx_probe VALUES (10)`);
    })).rejects.toThrow(/after queryAndCommit/);
    expect(await ids()).toEqual([9]);
  });

  it('the first statement runs inside the transaction: its lock is held until the end', async () => {
    await pool.query(`INSERT INTO tx_probe VALUES (7)`);
    let locked!: () => void;
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = pool.transaction(async (m) => {
      await m.query(`SELECT id FROM tx_probe WHERE id = 7 FOR UPDATE`);
      locked();
      await held;
      return m.queryAndCommit(`UPDATE tx_probe SET id = 8 WHERE id = 7`, []);
    });
    try {
      await hasLock;
      // A second transaction waits for the row; had the first statement run outside a transaction, it would not.
      const second = pool.transaction(async (m) => m.queryAndCommit<{ id: number }>(`SELECT id FROM tx_probe WHERE id IN (7, 8) FOR UPDATE`, []));
      const raced = await Promise.race([second.then(() => 'second first'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
      expect(raced).toBe('waiting');
      release();
      await first;
      expect(await second).toEqual([{ id: 8 }]);
    } finally {
      release();
      await first.catch(() => undefined);
    }
  });

  // DatabasePool.copyOut (the report's learner lines): COPY's text output, on a server beside the pipelined pool.
  it('sends the rows as lines of tab-separated fields, in as many chunks as it likes', async () => {
    const chunks = await pool.copyOut(`COPY (SELECT g, 'f' || g, '' FROM generate_series(1, 20000) g) TO STDOUT`);
    const lines = Buffer.concat(chunks).toString('latin1').split('\n');
    expect(lines).toHaveLength(20_001); // the last line ends with a newline too
    expect(lines[0]).toBe('1\tf1\t');
    expect(lines[19_999]).toBe('20000\tf20000\t');
    expect(await pool.copyOut(`COPY (SELECT 1 WHERE false) TO STDOUT`)).toEqual([]);
  });

  it('a COPY the server refuses rejects with its error, and the pools keep serving', async () => {
    await expect(pool.copyOut(`COPY (SELECT 1 / 0) TO STDOUT`)).rejects.toMatchObject({ code: '22012' });
    await expect(pool.copyOut(`COPY (SELECT no_such_column) TO STDOUT`)).rejects.toMatchObject({ code: '42703' });
    const [after] = await pool.copyOut(`COPY (SELECT 42) TO STDOUT`);
    expect(after!.toString()).toBe('42\n');
    expect(await pool.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });
});
