import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { fixtureRawCourse } from '../test/course-fixture.js';
import { canonicalJson } from './canonical-json.js';
import { contentHash, defaultContentDir, loadCourseFromDirectory } from './load-course.js';

// Writes the fixture as the YAML files an author would write.
function writeCourse(dir: string, raw = fixtureRawCourse()): void {
  const { moduleOrder, modules, knowledgeTest, attitudeInstrument, scenarios, ...header } = raw;
  for (const sub of ['modules', 'assessments', 'scenarios']) mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(path.join(dir, 'course.yaml'), stringify({ ...header, modules: moduleOrder }));
  // File names deliberately sort opposite to the unlock order: course.yaml decides.
  modules.forEach((module, i) => writeFileSync(path.join(dir, 'modules', `${String(9 - i).padStart(2, '0')}.yaml`), stringify(module)));
  writeFileSync(path.join(dir, 'assessments', 'knowledge-test.yaml'), stringify(knowledgeTest));
  writeFileSync(path.join(dir, 'assessments', 'attitude-instrument.yaml'), stringify(attitudeInstrument));
  scenarios.forEach((scenario, i) => writeFileSync(path.join(dir, 'scenarios', `s${i}.yaml`), stringify(scenario)));
}

describe('loadCourseFromDirectory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'curriculum-'));
    writeCourse(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a valid directory, ordering modules by course.yaml', () => {
    const loaded = loadCourseFromDirectory(dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.course?.modules.map((module) => module.key)).toEqual(['m01-tema', 'm02-tema']);
    expect(loaded.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a stable hash that changes when the content changes', () => {
    const first = loadCourseFromDirectory(dir).contentHash;
    expect(loadCourseFromDirectory(dir).contentHash).toBe(first);
    const raw = fixtureRawCourse();
    raw.modules[0].title.en = 'Module one, revised';
    writeCourse(dir, raw);
    expect(loadCourseFromDirectory(dir).contentHash).not.toBe(first);
  });

  it('names the file of each problem, including YAML syntax errors and missing files', () => {
    writeFileSync(path.join(dir, 'modules', '08.yaml'), 'key: [unclosed');
    rmSync(path.join(dir, 'assessments', 'attitude-instrument.yaml'));
    const loaded = loadCourseFromDirectory(dir);
    expect(loaded.course).toBeNull();
    expect(loaded.problems).toContainEqual(expect.objectContaining({ file: 'modules/08.yaml', message: expect.stringMatching(/YAML syntax error/) }));
    expect(loaded.problems).toContainEqual({ path: '', file: 'assessments/attitude-instrument.yaml', message: 'file is missing' });
    // Not echoed a second time as "attitudeInstrument is required":
    expect(loaded.problems.filter((p) => p.file === 'assessments/attitude-instrument.yaml')).toHaveLength(1);
  });

  it('points schema problems at the module file', () => {
    const raw = fixtureRawCourse();
    raw.modules[1].quiz.passMark = 80;
    writeCourse(dir, raw);
    expect(loadCourseFromDirectory(dir).problems).toEqual([
      { path: 'modules[1].quiz.passMark', file: 'modules/08.yaml', message: 'must be at most 1 (it is a share, e.g. 0.8, not a percentage)' },
    ]);
  });
});

describe('canonicalJson and contentHash', () => {
  it('ignore key order but not array order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]));
  });
});

describe('defaultContentDir', () => {
  it('resolves against the given base directory', () => {
    expect(defaultContentDir('/repo')).toBe(path.resolve('/repo', 'libs/curriculum/content/gbv-response'));
  });
});
