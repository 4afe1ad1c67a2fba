import { strToU8, zipSync } from 'fflate';
import { render, screen } from '@testing-library/react';
import { changedLeaves, ValueDiff } from './value-diff';
import { filesFromZip } from './yaml-import';

describe('value diff', () => {
  it('names changed fields by keys, not positions', () => {
    const before = { key: 'q', options: [{ key: 'a', text: { es: 'uno', en: 'one' }, correct: true }, { key: 'b', text: { es: 'dos', en: 'two' }, correct: false }] };
    const after = { key: 'q', options: [{ key: 'b', text: { es: 'dos', en: 'two' }, correct: true }, { key: 'a', text: { es: 'uno nuevo', en: 'one' }, correct: false }] };
    expect(changedLeaves(before, after)).toEqual([
      { path: 'options.b.correct', before: false, after: true },
      { path: 'options.a.text.es', before: 'uno', after: 'uno nuevo' },
      { path: 'options.a.correct', before: true, after: false },
    ]);
    expect(changedLeaves({ sources: [{ citation: 'x' }] }, { sources: [] })).toEqual([{ path: 'sources.0.citation', before: 'x', after: undefined }]);
  });

  it('marks removed and added words', () => {
    render(<ValueDiff before={{ body: { es: 'la casa roja' } }} after={{ body: { es: 'la casa azul' } }} />);
    expect(screen.getByText('roja').tagName).toBe('DEL');
    expect(screen.getByText('azul').tagName).toBe('INS');
    expect(screen.getByText('body.es')).toBeTruthy();
  });
});

describe('YAML import from a ZIP', () => {
  it('takes the folder holding course.yaml as the course, whatever it is called, and only YAML files', () => {
    const zip = zipSync({
      'repo/libs/curriculum/content/gbv-response/course.yaml': strToU8('key: gbv-response'),
      'repo/libs/curriculum/content/gbv-response/modules/01-genero.yaml': strToU8('key: m01-genero'),
      'repo/libs/curriculum/content/gbv-response/notes.txt': strToU8('not a course file'),
      'repo/README.yaml': strToU8('outside the course'),
    });
    expect(filesFromZip(zip)).toEqual({ 'course.yaml': 'key: gbv-response', 'modules/01-genero.yaml': 'key: m01-genero' });
    expect(filesFromZip(zipSync({ 'course.yaml': strToU8('key: x') }))).toEqual({ 'course.yaml': 'key: x' });
  });
});
