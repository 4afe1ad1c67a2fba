import type { Source } from './course-schema.js';
import { SourceSchema } from './course-schema.js';
import { courseSources, isLegalCitation, isOfficialLegalUrl, isStatisticalCitation, locatorProblems, sourceProblems } from './source-rules.js';

const source = (fields: Partial<Source> & { citation: string }): Source => ({ reviewedOn: '2026-12-01', certainty: 'firm', ...fields });

describe('which sources the locator rule covers', () => {
  it.each([
    'Código Penal del Perú (Decreto Legislativo 635), art. 181, modificado por la Ley 30963',
    'Constitución Política del Perú (1993), art. 2.2',
    'Corte Interamericana de Derechos Humanos, Caso Azul Rojas Marín y otra vs. Perú',
    'Decreto Supremo 004-2020-MIMP',
    'D.S. 009-2022-IN',
    'Convención de Belém do Pará, arts. 1 y 2',
  ])('legal: %s', (citation) => expect(isLegalCitation(citation)).toBe(true));

  it.each([
    'UNAIDS (2010). Global Report (datos del Perú 2007–2010)',
    'García-Moreno C. et al. (2005). WHO Multi-country Study on Women’s Health and Domestic Violence',
    'Ministerio de Salud (2010). Informe nacional sobre los progresos',
  ])('statistical: %s', (citation) => expect(isStatisticalCitation(citation)).toBe(true));

  it('leaves other sources alone', () => {
    const book = 'Connell RW. Masculinities. Cambridge: Polity Press, 1995';
    expect(isLegalCitation(book) || isStatisticalCitation(book)).toBe(false);
    expect(locatorProblems(source({ citation: book }))).toEqual([]);
  });
});

describe('locatorProblems', () => {
  const law = 'Ley 30963, que modifica el Código Penal (arts. 179–181)';

  it('fails a legal source without a locator, and one whose url is not official', () => {
    expect(locatorProblems(source({ citation: law }))).toEqual([expect.stringMatching(/^legal source .* needs a locator: an official url \(.*\) or norm: \{ number, publishedOn \}$/)]);
    expect(locatorProblems(source({ citation: law, url: 'https://lpderecho.pe/ley-30963/' }))[0]).toMatch(/lpderecho\.pe is not an official host/);
  });

  it('passes a legal source with an official url or with norm number and publication date', () => {
    expect(locatorProblems(source({ citation: law, url: 'https://busquedas.elperuano.pe/normaslegales/ley-30963' }))).toEqual([]);
    expect(locatorProblems(source({ citation: law, norm: { number: 'Ley 30963', publishedOn: '2019-06-18' } }))).toEqual([]);
  });

  it('counts an official host and its subdomains, not a look-alike host or a malformed url', () => {
    expect(isOfficialLegalUrl('https://undocs.org/CEDAW/C/GC/35')).toBe(true);
    expect(isOfficialLegalUrl('https://spij.minjus.gob.pe/')).toBe(true);
    expect(isOfficialLegalUrl('https://notgob.pe/ley')).toBe(false);
    expect(isOfficialLegalUrl('https://gob.pe.example.com/ley')).toBe(false);
    expect(isOfficialLegalUrl('no es una url')).toBe(false);
  });

  it('treats a source declared legal as legal whatever its citation says', () => {
    expect(locatorProblems(source({ citation: 'Guía de procedimientos', kind: 'legal' }))).toHaveLength(1);
  });

  it('fails a statistical source without a url', () => {
    expect(locatorProblems(source({ citation: 'UNAIDS (2010). Global Report' }))).toEqual([expect.stringMatching(/^statistical source .* needs a locator/)]);
    expect(locatorProblems(source({ citation: 'Encuesta', kind: 'statistical', url: 'https://www.inei.gob.pe/x' }))).toEqual([]);
  });

  it('fails a review date earlier than the norm it reviewed', () => {
    const problems = locatorProblems(source({ citation: law, norm: { number: 'Ley 30963', publishedOn: '2019-06-18' }, reviewedOn: '2019-01-01' }));
    expect(problems).toEqual([expect.stringMatching(/reviewed on 2019-01-01, before its norm was published \(2019-06-18\)/)]);
  });

  it('asks an uncertain source what is not known, and a firm one not to say so', () => {
    const uncertain = source({ citation: 'Libro', certainty: 'uncertain' });
    expect(locatorProblems(uncertain)).toEqual([expect.stringMatching(/uncertain source .* needs notKnown/)]);
    expect(locatorProblems({ ...uncertain, notKnown: 'Si la Ley 32535 cambia su alcance.' })).toEqual([]);
    expect(locatorProblems(source({ citation: 'Libro', notKnown: 'algo' }))).toEqual([expect.stringMatching(/is firm but has notKnown/)]);
  });

  describe('a publication date known only to the month or the year', () => {
    const ley = 'Ley 32535, Ley de Igualdad de Oportunidades entre Mujeres y Hombres';
    const month = { number: 'Ley 32535', publishedOn: '2025-12' };

    it('passes on an uncertain source whose notKnown names the missing day', () => {
      const notKnown = 'La fecha exacta de publicación (23 o 24 de diciembre de 2025).';
      expect(locatorProblems(source({ citation: ley, norm: month, certainty: 'uncertain', notKnown }))).toEqual([]);
      expect(locatorProblems(source({ citation: ley, norm: { number: 'Ley 32535', publishedOn: '2025' }, certainty: 'uncertain', notKnown: 'Day and month of publication.' }))).toEqual([]);
    });

    it('fails on a firm source: a firm source needs the full date', () => {
      expect(locatorProblems(source({ citation: ley, norm: month }))).toEqual([expect.stringMatching(/only to the month \(2025-12\): that is allowed only on an uncertain source/)]);
      expect(locatorProblems(source({ citation: ley, norm: { number: 'Ley 32535', publishedOn: '2025' } }))[0]).toMatch(/only to the year \(2025\)/);
    });

    it('fails on an uncertain source without notKnown, or whose notKnown does not name the missing precision', () => {
      expect(locatorProblems(source({ citation: ley, norm: month, certainty: 'uncertain' }))).toEqual([
        expect.stringMatching(/only to the month \(2025-12\): that is allowed only on an uncertain source whose notKnown/),
        expect.stringMatching(/uncertain source .* needs notKnown/),
      ]);
      expect(locatorProblems(source({ citation: ley, norm: month, certainty: 'uncertain', notKnown: 'Su efecto sobre la Ley 30364.' }))).toEqual([
        expect.stringMatching(/its notKnown must say which part of the date \(day, month\) is not known/),
      ]);
    });

    it('is parsed by the schema (an unquoted YAML year arrives as a number), which still rejects other shapes', () => {
      const parse = (publishedOn: unknown) => SourceSchema.safeParse({ citation: ley, norm: { number: 'Ley 32535', publishedOn }, reviewedOn: '2026-12-04', certainty: 'uncertain', notKnown: 'El día.' });
      expect(parse('2025-12').data?.norm?.publishedOn).toBe('2025-12');
      expect(parse(2025).data?.norm?.publishedOn).toBe('2025');
      expect(parse(new Date('2019-06-18')).data?.norm?.publishedOn).toBe('2019-06-18');
      for (const bad of ['2025-13', '2025-12-32', '12/2025', '2025-1', 2025.5, '']) expect(parse(bad).success).toBe(false);
    });

    it('still compares it with the review date', () => {
      const problems = locatorProblems(source({ citation: ley, norm: month, certainty: 'uncertain', notKnown: 'El día.', reviewedOn: '2025-11-30' }));
      expect(problems).toEqual([expect.stringMatching(/reviewed on 2025-11-30, before its norm was published \(2025-12\)/)]);
    });
  });

  it('rejects malformed locators at the schema', () => {
    const bad = SourceSchema.safeParse({ citation: law, norm: { number: 'Ley 30963', publishedOn: '18/06/2019' }, reviewedOn: '2026-12-01', certainty: 'firm' });
    expect(bad.success).toBe(false);
    const old = SourceSchema.safeParse({ citation: law, url: 'https://spij.minjus.gob.pe/', reviewedOn: '2026-11-01', certainty: 'firm' });
    expect(old.success).toBe(true);
  });
});

describe('sourceProblems over a course', () => {
  it('points at the lesson source that lacks its locator', () => {
    const lesson = (sources: Source[], key = 'm01.l01') => ({ key, sources }) as never;
    const modules = [{ lessons: [lesson([]), lesson([source({ citation: 'Ley 30364' }), source({ citation: 'Ley 30364', norm: { number: 'Ley 30364', publishedOn: '2015-11-23' } })])] }] as never;
    const found = sourceProblems(courseSources({ modules }));
    expect(found).toEqual([{ path: 'modules[0].lessons[1].sources[0]', message: expect.stringMatching(/needs a locator.*\(lesson m01\.l01\)$/) }]);
  });
});
