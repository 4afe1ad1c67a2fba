import { spawnSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { localize } from '../../libs/curriculum/src/index';
import { correctAnswers, course, modulesInOrder, Player, wrongAnswers } from '../support/course-player';
import { createTestApp, DEMO, login, type TestApp, registerLearner } from '../support/test-app';

const { findRscript, HOW_TO_INSTALL } = require('../../scripts/rscript.cjs') as { findRscript: () => string | null; HOW_TO_INSTALL: string };

type Statistic =
  | 'n_pairs' | 'mean_pre' | 'mean_post' | 'mean_diff' | 'ci_low' | 'ci_high' | 't' | 'df' | 'p' | 'wilcoxon_v' | 'wilcoxon_p' | 'd_z' | 'd_av'
  | 'alpha_pre' | 'alpha_pre_n' | 'alpha_post' | 'alpha_post_n';

/**
 * THE ONE PLACE that reads figures out of the report JSON (its shape is being reworked): measure key → statistic →
 * the report's number (null when the report says it is undefined or withheld). reproduce.R's names are the keys.
 */
function reportFigures(report: any): Map<string, Partial<Record<Statistic, number | null>>> {
  const out = new Map<string, Partial<Record<Statistic, number | null>>>();
  for (const m of report.measures) {
    const c = m.change ?? {};
    out.set(m.key, {
      n_pairs: m.nPairs, mean_pre: c.meanPre, mean_post: c.meanPost, mean_diff: c.meanDiff, ci_low: c.ci95?.[0] ?? null, ci_high: c.ci95?.[1] ?? null,
      t: c.t, df: c.df, p: c.p, wilcoxon_v: c.wilcoxon?.v, wilcoxon_p: c.wilcoxon?.p, d_z: c.dz, d_av: c.dav,
      ...(m.alphaPre ? { alpha_pre: m.alphaPre.alpha, alpha_pre_n: m.alphaPre.n, alpha_post: m.alphaPost.alpha, alpha_post_n: m.alphaPost.n } : {}),
    });
  }
  return out;
}

const PSEUDONYM_SECRET = 'test-pseudonym-test-pseudonym-test-0123456789'; // test-app's PSEUDONYM_SECRET
/** The codebook's documented scheme, recomputed independently of the server's code. */
function expectedPseudonym(label: 'knowledge' | 'attitude', cohortIds: string[], enrolmentId: string): string {
  const key = createHmac('sha256', PSEUDONYM_SECRET).update(`respeta-export|${label}|${[...cohortIds].sort().join(',')}`).digest();
  return (label === 'knowledge' ? 'K-' : 'A-') + createHmac('sha256', key).update(enrolmentId).digest('hex').slice(0, 16);
}

// 11 learners who complete the course. Knowledge: how many of the 20 items each gets right before and after; the
// changes 7, 7, 2, 7, 5, 0, 7, 7, 1, 8, 6 have ties and a zero (Wilcoxon's normal approximation with tie correction).
const PRE_CORRECT = [5, 7, 8, 6, 10, 9, 4, 7, 12, 8, 6];
const POST_CORRECT = [12, 14, 10, 13, 15, 9, 11, 14, 13, 16, 12];
// Attitudes: a latent level per learner before, and its change; answers = level + a per-learner, per-item offset.
const ATT_PRE = [2, 2.5, 3, 3.5, 2, 2.5, 3, 3.5, 2, 2.5, 3];
const ATT_SHIFT = [1, 0.5, 1.5, 0, 1, 0.5, 2, 1, 0.5, 1, 1.5];
const POSITIONS = ['police', 'police', 'municipal_official', 'police', 'health_staff', 'police', 'municipal_official', 'police', 'health_staff', 'municipal_official', 'police'];
const REGIONS = ['piura', 'piura', 'lima', 'piura', 'piura', 'lima', 'piura', 'piura', 'lima', 'piura', 'piura'];

function knowledgeAnswers(learner: number, correct: number, skip = 0) {
  const items = course().knowledgeTest.items;
  return Object.fromEntries(items.map((item, j) => {
    const at = (j + 3 * learner) % items.length; // which items are right differs per learner
    if (at >= items.length - skip) return [item.key, []];
    return [item.key, at < correct ? correctAnswers([item])[item.key] : wrongAnswers([item])[item.key]];
  }));
}
const NOISE = [-1, 0, 0, 1];
function attitudeAnswers(learner: number, level: number, salt: number, skipFirst = false) {
  return Object.fromEntries(course().attitudeInstrument.items.flatMap((item, j) => {
    if (skipFirst && j === 0) return [];
    const value = Math.min(5, Math.max(1, Math.round(level + NOISE[(learner * 7 + j * 5 + learner * j + (j >> 1) + salt * learner) % 4]!)));
    return [[item.key, item.reverse ? 6 - value : value]];
  }));
}

/** Minimal CSV reader for the bundle's files (RFC 4180 quoting, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
const records = (text: string) => {
  const [head, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
};

describe('export bundle: pseudonymous files that reproduce the report in R', () => {
  let t: TestApp;
  let trainer: { token: string; userId: string };
  let admin: { token: string; userId: string };
  let cohortId: string;
  let smallCohortId: string;
  const names: string[] = [];
  const emails: string[] = [];
  const completers: string[] = []; // enrolment ids, in learner order
  let emptyLearner = '';
  let courseOnly = '';
  let withdrawn = '';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const zipOf = async (path: string, token: string) => {
    const res = await t.http().get(path).set(auth(token)).buffer(true)
      .parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/application\/zip/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="respeta-export-\d{4}-\d{2}-\d{2}\.zip"/);
    // Buffer decoding keeps the byte order mark (TextDecoder would drop it).
    return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(res.body as Buffer))).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));
  };

  async function newCohort(name: string): Promise<{ id: string; code: string }> {
    const created = await t.http().post('/api/cohorts').set(auth(trainer.token)).send({ name }).expect(201);
    const code = await t.http().post(`/api/cohorts/${created.body.id}/invite-codes`).set(auth(trainer.token)).send({ maxUses: 30 }).expect(201);
    return { id: created.body.id, code: code.body.code };
  }
  async function register(code: string, name: string, positionType: string, region: string): Promise<Player> {
    const email = `${name.toLowerCase().replace(/\W/g, '')}.${randomUUID().slice(0, 6)}@muni.gob.pe`;
    names.push(name);
    emails.push(email);
    const { token } = await registerLearner(t, { inviteCode: code, email, displayName: name, password: 'frase larga de prueba 2026', positionType, region });
    const mine = await t.http().get('/api/enrolments/mine').set(auth(token)).expect(200);
    return new Player(t, token, mine.body[0].id);
  }
  async function complete(p: Player, i: number) {
    await p.post('/assessments/pre/knowledge', { answers: knowledgeAnswers(i, PRE_CORRECT[i]!, i === 3 ? 2 : 0) }).expect(200);
    await p.post('/assessments/pre/attitude', { answers: attitudeAnswers(i, ATT_PRE[i]!, 0, i === 4) }).expect(200);
    for (let m = 0; m < modulesInOrder().length; m++) await p.module(m);
    await p.post('/assessments/post/knowledge', { answers: knowledgeAnswers(i, POST_CORRECT[i]!) }).expect(200);
    await p.post('/assessments/post/attitude', { answers: attitudeAnswers(i, ATT_PRE[i]! + ATT_SHIFT[i]!, 1) }).expect(200);
    await p.post('/assessments/post/then', { answers: attitudeAnswers(i, ATT_PRE[i]! - 0.5, 2) }).expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    trainer = await login(t, DEMO.trainer);
    admin = await login(t, DEMO.admin);
    // A name a spreadsheet would run as a formula: the files must keep it as text.
    const main = await newCohort('=HYPERLINK("http://x.example","Alfa")');
    cohortId = main.id;
    const players: Player[] = [];
    for (let i = 0; i < PRE_CORRECT.length; i++) players.push(await register(main.code, `Zoila Alfa ${String.fromCharCode(65 + i)}`, POSITIONS[i]!, REGIONS[i]!));
    for (const p of players) await p.post('/consent', { evaluationUse: true }).expect(200);
    // Two at a time: the machine is shared.
    for (let i = 0; i < players.length; i += 2) await Promise.all(players.slice(i, i + 2).map((p, j) => complete(p, i + j)));
    completers.push(...players.map((p) => p.enrolmentId));

    const empty = await register(main.code, 'Ana Vacía', 'police', 'piura');
    await empty.post('/consent', { evaluationUse: true }).expect(200);
    await empty.post('/assessments/pre/knowledge', { answers: {} }).expect(200); // taken, nothing answered
    await empty.post('/assessments/pre/attitude', { answers: attitudeAnswers(20, 3, 0) }).expect(200);
    // She finishes the course: an empty pre-test must stay missing (no knowledge pair), never a 0 % pre score.
    for (let m = 0; m < modulesInOrder().length; m++) await empty.module(m);
    await empty.post('/assessments/post/knowledge', { answers: knowledgeAnswers(20, 10) }).expect(200);
    await empty.post('/assessments/post/attitude', { answers: attitudeAnswers(20, 3.5, 1) }).expect(200);
    emptyLearner = empty.enrolmentId;

    const only = await register(main.code, 'Beatriz Solocurso', 'police', 'piura');
    await only.post('/consent', { evaluationUse: false }).expect(200);
    await complete(only, 0);
    courseOnly = only.enrolmentId;

    const gone = await register(main.code, 'Carla Retirada', 'police', 'piura');
    await gone.post('/consent', { evaluationUse: true }).expect(200);
    await gone.post('/assessments/pre/knowledge', { answers: knowledgeAnswers(1, 15) }).expect(200);
    await gone.post('/assessments/pre/attitude', { answers: attitudeAnswers(1, 5, 0) }).expect(200);
    await gone.post('/withdraw').expect(200);
    withdrawn = gone.enrolmentId;

    // A cohort where only 2 learners answer the attitude questionnaire: its attitude file is withheld.
    const small = await newCohort('Gamma');
    smallCohortId = small.id;
    for (const n of ['Gamma Uno', 'Gamma Dos']) {
      const p = await register(small.code, n, 'police', 'piura');
      await p.post('/consent', { evaluationUse: true }).expect(200);
      await p.post('/assessments/pre/knowledge', { answers: knowledgeAnswers(2, 9) }).expect(200);
      await p.post('/assessments/pre/attitude', { answers: attitudeAnswers(2, 3, 0) }).expect(200);
    }
  }, 600_000);
  afterAll(() => t?.close());

  const rscript = findRscript();
  if (!rscript) console.warn(HOW_TO_INSTALL);
  (rscript ? it : it.skip)('reproduce.R recomputes every headline statistic of the report to 4 decimals', async () => {
    const report = (await t.http().get(`/api/cohorts/${cohortId}/report?lang=en`).set(auth(trainer.token)).expect(200)).body;
    const files = await zipOf(`/api/cohorts/${cohortId}/exports/bundle.zip`, trainer.token);
    const dir = mkdtempSync(join(tmpdir(), 'respeta-reproduce-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const r = spawnSync(rscript!, ['reproduce.R'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      expect(r.stdout).toMatch(/knowledge\s+n_pairs\s+11/);
      const reproduced = records(readFileSync(join(dir, 'reproduced.csv'), 'utf8'));
      // The README's Python line reads the files with encoding="utf-8-sig" (the codec pandas uses): the header is clean.
      const py = spawnSync('python3', ['-c', 'import csv; print(next(csv.reader(open("knowledge.csv", encoding="utf-8-sig")))[0])'], { cwd: dir, encoding: 'utf8' });
      if (py.status !== null) expect(py.stdout.trim()).toBe('pseudonym');
      const figures = reportFigures(report);
      const subscales = course().attitudeInstrument.subscales.map((s) => s.key);
      expect([...new Set(reproduced.map((row) => row.measure))]).toEqual(['knowledge', ...subscales]);
      let compared = 0;
      for (const row of reproduced) {
        const fromReport = figures.get(row.measure!)?.[row.statistic as Statistic];
        const value = row.value === 'NA' ? null : Number(row.value);
        // Every statistic R can compute here is defined in the report and equal to 4 decimals (the report rounds to 4).
        expect({ ...row, defined: value !== null }).toEqual({ ...row, defined: true });
        expect({ ...row, report: fromReport, close: Math.abs(value! - fromReport!) <= 5e-5 + 1e-9 }).toEqual({ ...row, report: fromReport, close: true });
        compared++;
      }
      expect(compared).toBe(13 + subscales.length * 17);
      const k = figures.get('knowledge')!;
      expect(k.n_pairs).toBe(11);
      expect(k.wilcoxon_v).toBe(55); // ten non-zero changes, all positive
      // The seeded answers make each subscale's figures differ (a test over identical subscales would prove less).
      expect(new Set(subscales.map((s) => figures.get(s)!.mean_diff)).size).toBeGreaterThan(2);
      expect(new Set(subscales.map((s) => figures.get(s)!.alpha_pre)).size).toBeGreaterThan(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the consent: only evaluation-use learners, no names or e-mails, knowledge and attitudes under unrelated codes', async () => {
    const files = await zipOf(`/api/cohorts/${cohortId}/exports/bundle.zip`, trainer.token);
    expect(Object.keys(files).sort()).toEqual(['README.md', 'attitudes.csv', 'codebook.csv', 'knowledge.csv', 'reproduce.R']);
    for (const [name, text] of Object.entries(files)) {
      for (const n of names) expect({ name, leaked: text.includes(n) }).toEqual({ name, leaked: false });
      for (const e of emails) expect({ name, leaked: text.includes(e) }).toEqual({ name, leaked: false });
      expect(text).not.toMatch(/@muni\.gob\.pe|@respeta\.demo/);
    }
    const knowledge = records(files['knowledge.csv']!);
    const attitudes = records(files['attitudes.csv']!);
    const inScope = [...completers, emptyLearner];
    const kCodes = inScope.map((id) => expectedPseudonym('knowledge', [cohortId], id));
    const aCodes = inScope.map((id) => expectedPseudonym('attitude', [cohortId], id));
    expect([...new Set(knowledge.map((r) => r.pseudonym))].sort()).toEqual([...kCodes].sort());
    expect([...new Set(attitudes.map((r) => r.pseudonym))].sort()).toEqual([...aCodes].sort());
    // Course-only and withdrawn learners are in no file, under any code.
    for (const id of [courseOnly, withdrawn]) {
      for (const text of Object.values(files)) {
        expect(text).not.toContain(expectedPseudonym('knowledge', [cohortId], id));
        expect(text).not.toContain(expectedPseudonym('attitude', [cohortId], id));
      }
    }
    // No code is shared between the two files; rows are sorted by code (so not by name), every wave listed.
    expect(kCodes.some((c) => aCodes.includes(c.replace(/^K-/, 'A-')))).toBe(false);
    expect(knowledge.map((r) => r.pseudonym)).toEqual(knowledge.map((r) => r.pseudonym).sort());
    expect(attitudes.map((r) => r.pseudonym)).toEqual(attitudes.map((r) => r.pseudonym).sort());
    const nameOrder = [...inScope.keys()].sort((a, b) => names[a]!.localeCompare(names[b]!)).map((i) => kCodes[i]);
    expect([...new Set(knowledge.map((r) => r.pseudonym))]).not.toEqual(nameOrder);
    expect(knowledge).toHaveLength(inScope.length * 3);
    expect(attitudes).toHaveLength(inScope.length * 4);
    // Knowledge scores are NOT in the attitude file and attitudes are not in the knowledge file.
    expect(Object.keys(attitudes[0]!).some((c) => c.startsWith('knowledge') || c.startsWith('kt'))).toBe(false);
    expect(Object.keys(knowledge[0]!).some((c) => c.startsWith('att'))).toBe(false);
  });

  it('tells "taken, nothing answered" from "not taken", writes full precision and keeps formula-like text inert', async () => {
    const files = await zipOf(`/api/cohorts/${cohortId}/exports/bundle.zip`, trainer.token);
    expect(files['knowledge.csv']!.startsWith('\uFEFFpseudonym,cohort,position_type,region,wave,status,knowledge_pct,')).toBe(true);
    expect(files['knowledge.csv']).toContain('\r\n');
    const knowledge = records(files['knowledge.csv']!);
    const emptyCode = expectedPseudonym('knowledge', [cohortId], emptyLearner);
    const emptyRows = knowledge.filter((r) => r.pseudonym === emptyCode);
    expect(emptyRows.map((r) => [r.wave, r.status, r.knowledge_pct === '' ? '' : 'scored'])).toEqual([['pre', 'empty', ''], ['post', 'taken', 'scored'], ['followup', 'not_taken', '']]);
    const first = knowledge.find((r) => r.pseudonym === expectedPseudonym('knowledge', [cohortId], completers[0]!) && r.wave === 'pre')!;
    expect(first).toMatchObject({ status: 'taken', knowledge_pct: String((100 * PRE_CORRECT[0]!) / course().knowledgeTest.items.length) });
    // Learner 3 left two items unanswered at pre: empty cells, counted wrong in the score.
    const skipped = knowledge.find((r) => r.pseudonym === expectedPseudonym('knowledge', [cohortId], completers[3]!) && r.wave === 'pre')!;
    expect(course().knowledgeTest.items.filter((i) => skipped[i.key] === '')).toHaveLength(2);
    // Subscale means are written unrounded (a mean of 6 items such as 3.1666666666666665).
    const attitudes = records(files['attitudes.csv']!);
    const subscale = `att_${course().attitudeInstrument.subscales[0]!.key}`;
    expect(attitudes.some((r) => /^\d\.\d{10,}$/.test(r[subscale]!))).toBe(true);
    expect(attitudes.filter((r) => r.status === 'taken').every((r) => r[subscale] !== '')).toBe(true);
    expect(attitudes.filter((r) => r.status === 'not_taken').every((r) => r[subscale] === '')).toBe(true);
    // The cohort's formula-like name stays text.
    expect(new Set(knowledge.map((r) => r.cohort))).toEqual(new Set(['\'=HYPERLINK("http://x.example","Alfa")']));
    // Position types and regions held by fewer than 5 learners are written as "other".
    expect(new Set(knowledge.map((r) => r.position_type))).toEqual(new Set(['police', 'other']));
    expect(new Set(knowledge.map((r) => r.region))).toEqual(new Set(['piura', 'other']));
    // In the attitude file also every combination covers ≥ 5 people: "police" + "other" region was one person, so the
    // region column is "other" for everyone there (police/other 7, other/other 5).
    expect(new Set(attitudes.map((r) => r.position_type))).toEqual(new Set(['police', 'other']));
    expect(new Set(attitudes.map((r) => r.region))).toEqual(new Set(['other']));
  });

  it('documents it all in the codebook and README, with the consent\'s privacy rules word for word', async () => {
    const files = await zipOf(`/api/cohorts/${cohortId}/exports/bundle.zip`, trainer.token);
    const readme = files['README.md']!;
    for (const locale of ['es', 'en'] as const) expect(readme).toContain(localize(course().consent.privacyRules, locale).trim());
    expect(readme).toContain('read.csv("knowledge.csv", fileEncoding = "UTF-8-BOM"');
    expect(readme).toContain('pandas.read_csv("knowledge.csv", encoding="utf-8-sig")');
    expect(readme).toMatch(/HMAC-SHA256/);
    const codebook = records(files['codebook.csv']!);
    const reversed = course().attitudeInstrument.items.filter((i) => i.reverse).map((i) => i.key);
    expect(codebook.filter((r) => r.reverse_keyed === 'yes').map((r) => r.column)).toEqual(reversed);
    expect(codebook.find((r) => r.file === 'knowledge.csv' && r.column === 'status')!.description_en).toMatch(/empty = submitted with nothing answered \(missing, never 0 %\)/);
    // The Python line in the README works as written: the files are UTF-8 with a BOM.
    expect(Buffer.from(files['knowledge.csv']!, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('keys pseudonyms to the export scope: a combined export gives the same learners other codes', async () => {
    const single = records((await zipOf(`/api/cohorts/${cohortId}/exports/bundle.zip`, trainer.token))['knowledge.csv']!);
    const scope = [cohortId, smallCohortId];
    const combined = records((await zipOf(`/api/reports/combined/bundle.zip?cohortIds=${smallCohortId},${cohortId}`, admin.token))['knowledge.csv']!);
    const learner = completers[5]!;
    const here = expectedPseudonym('knowledge', [cohortId], learner);
    const there = expectedPseudonym('knowledge', scope, learner);
    expect(here).not.toBe(there);
    expect(single.some((r) => r.pseudonym === here)).toBe(true);
    expect(combined.some((r) => r.pseudonym === there)).toBe(true);
    const singleCodes = new Set(single.map((r) => r.pseudonym));
    expect(combined.some((r) => singleCodes.has(r.pseudonym!))).toBe(false);
    await t.http().get(`/api/reports/combined/bundle.zip?cohortIds=${cohortId}`).set(auth(trainer.token)).expect(403);
    await t.http().get('/api/reports/combined/bundle.zip?cohortIds=nope').set(auth(admin.token)).expect(400);
  });

  it('withholds the attitude file when fewer than 5 learners answered the attitude questionnaire', async () => {
    const files = await zipOf(`/api/cohorts/${smallCohortId}/exports/bundle.zip`, trainer.token);
    expect(Object.keys(files).sort()).toEqual(['README.md', 'codebook.csv', 'knowledge.csv', 'reproduce.R']);
    expect(files['README.md']).toMatch(/No se incluye en esta exportación\*\*: solo 2 persona/);
    expect(files['README.md']).toMatch(/Not included in this export\*\*: only 2 person/);
    expect(files['codebook.csv']).not.toContain('attitudes.csv');
    // Both learners share a position and a region, but fewer than 5 hold them: written as "other".
    expect(new Set(records(files['knowledge.csv']!).map((r) => `${r.position_type}/${r.region}/${r.cohort}`))).toEqual(new Set(['other/other/other']));
  });
});
