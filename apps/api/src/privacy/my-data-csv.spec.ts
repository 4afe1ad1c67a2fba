import { csvRowsOf } from './my-data-csv.js';

describe('Mis datos as CSV rows', () => {
  it('writes every value once, with the path of the record it belongs to (lists count from 1)', () => {
    const rows = csvRowsOf({
      generatedAt: '2026-01-01',
      profile: { email: 'a@b.pe', legalName: null },
      enrolments: [{ cohortName: 'Piura', attempts: [{ score: 80, answers: [{ itemKey: 'k1', value: '["a"]' }] }], actionPlan: { commitments: ['uno', 'dos'] }, drafts: [] }],
    });
    expect(rows).toEqual([
      ['', 'generatedAt', '2026-01-01'],
      ['profile', 'email', 'a@b.pe'],
      ['profile', 'legalName', null],
      ['enrolments.1', 'cohortName', 'Piura'],
      ['enrolments.1.attempts.1', 'score', 80],
      ['enrolments.1.attempts.1.answers.1', 'itemKey', 'k1'],
      ['enrolments.1.attempts.1.answers.1', 'value', '["a"]'],
      ['enrolments.1.actionPlan.commitments', '1', 'uno'],
      ['enrolments.1.actionPlan.commitments', '2', 'dos'],
      ['enrolments.1', 'drafts', null],
    ]);
  });
});
