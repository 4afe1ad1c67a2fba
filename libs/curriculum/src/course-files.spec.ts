import { fixtureRawCourse } from '../test/course-fixture.js';
import { assembleCourse, courseKeyOf, courseToFiles } from './course-files.js';
import { parseCourse } from './course-rules.js';
import type { Course } from './course-schema.js';
import { contentHash, defaultContentDir, loadCourseFromDirectory, readCourseFiles } from './load-course.js';

const fixture = (): Course => {
  const parsed = parseCourse(fixtureRawCourse());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.course;
};

describe('course files: export and import round-trip', () => {
  it('writes the real course as files that assemble to the identical course (same content hash)', () => {
    const loaded = loadCourseFromDirectory(defaultContentDir());
    expect(loaded.problems).toEqual([]);
    const files = courseToFiles(loaded.course!);
    // The repository's layout: the same file names as the content folder holds (blueprints are not course content).
    expect(Object.keys(files).sort()).toEqual(Object.keys(readCourseFiles(defaultContentDir())).sort());
    const back = assembleCourse(files);
    expect(back.problems).toEqual([]);
    expect(back.course).toEqual(loaded.course);
    expect(contentHash(back.course)).toBe(contentHash(loaded.course));
    // Writing is stable: the files of the re-imported course are byte-identical.
    expect(courseToFiles(back.course!)).toEqual(files);
  });

  it('keeps Spanish before English, Markdown as literal blocks and "true"/"false" keys as text', () => {
    const files = courseToFiles(fixture());
    const module = files['modules/01-tema.yaml']!;
    expect(module.indexOf('es:')).toBeLessThan(module.indexOf('en:'));
    expect(module).toMatch(/body:\n\s+es: \|/);
    expect(module).toMatch(/key: "true"/);
    expect(files['course.yaml']).toMatch(/^key: fixture\n/);
  });

  it('round-trips a course whose objects come back from the database in another key order', () => {
    const course = fixture();
    // PostgreSQL jsonb orders keys by length, then bytes: simulate that.
    const reorder = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reorder)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1)).map(([k, v]) => [k, reorder(v)]))
          : value;
    const fromDb = reorder(course) as Course;
    expect(courseToFiles(fromDb)).toEqual(courseToFiles(course));
    expect(assembleCourse(courseToFiles(fromDb)).course).toEqual(course);
  });

  it('names the file of each problem and reads the course key of course.yaml', () => {
    const files = courseToFiles(fixture());
    expect(courseKeyOf(files)).toBe('fixture');
    files['scenarios/fixture.yaml'] = files['scenarios/fixture.yaml']!.replace('start: n1', 'start: n9');
    delete files['assessments/knowledge-test.yaml'];
    const back = assembleCourse(files);
    expect(back.course).toBeNull();
    expect(back.problems).toContainEqual({ path: '', file: 'assessments/knowledge-test.yaml', message: 'file is missing' });
    expect(back.problems).toContainEqual(expect.objectContaining({ path: 'scenarios[0].start', file: 'scenarios/fixture.yaml' }));
    expect(courseKeyOf({ 'course.yaml': 'key: [' })).toBeNull();
  });
});
