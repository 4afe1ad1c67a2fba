import { type FormEvent, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useLocation } from 'wouter';
import { Field } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { Breadcrumb } from '../../../components/staff/breadcrumb';
import { StaffError } from '../../../components/staff/staff-error';
import { useBusyAction } from '../../../lib/use-busy-action';
import { useQuery } from '../../../lib/use-query';
import { createStudy, listCohortOptions } from '../api/studies';

type Arm = 'treated' | 'waitlist';

/** A new study: cohorts of one course, assigned at random (a seed the server draws and shows) or by hand, and its dates. */
export function NewStudyPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const options = useQuery(listCohortOptions, []);
  const { busy, error, run } = useBusyAction();
  const [name, setName] = useState('');
  const [assignment, setAssignment] = useState<'random' | 'hand'>('random');
  const [chosen, setChosen] = useState<Record<string, Arm>>({});
  const [dates, setDates] = useState({ baselineOn: '', treatedPostOn: '', secondBaselineOn: '', followUpOn: '' });
  const free = (options.data ?? []).filter((c) => c.studyId === null && c.courseId !== null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const study = await createStudy({
        name, assignment,
        cohorts: Object.entries(chosen).map(([cohortId, arm]) => (assignment === 'hand' ? { cohortId, arm } : { cohortId })),
        baselineOn: dates.baselineOn, treatedPostOn: dates.treatedPostOn, secondBaselineOn: dates.secondBaselineOn,
        ...(dates.followUpOn ? { followUpOn: dates.followUpOn } : {}),
      });
      navigate(`/trainer/studies/${study.id}`);
    });
  }
  const toggle = (id: string, on: boolean) => setChosen((c) => {
    const next = { ...c };
    if (on) next[id] = 'treated';
    else delete next[id];
    return next;
  });
  const date = (key: keyof typeof dates, label: string, hint?: string, required = true) => (
    <Field label={label} hint={hint}>
      {(props) => <input {...props} type="date" required={required} value={dates[key]} onChange={(e) => setDates((d) => ({ ...d, [key]: e.target.value }))} />}
    </Field>
  );

  return (
    <>
      <Breadcrumb parent={{ to: '/trainer/studies', label: t('trainer.studies.title') }} current={t('trainer.studies.new')} />
      <PageHeading>{t('trainer.studies.new')}</PageHeading>
      <p>{t('trainer.studies.newIntro')}</p>
      {options.loading && !options.data && <Loading />}
      <StaffError error={options.error} />
      <form className="card form" onSubmit={onSubmit}>
        <Field label={t('trainer.studies.name')}>{(props) => <input {...props} required maxLength={160} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <fieldset>
          <legend>{t('trainer.studies.assignment')}</legend>
          {(['random', 'hand'] as const).map((a) => (
            <label key={a} className="choice">
              <input type="radio" name="assignment" value={a} checked={assignment === a} onChange={() => setAssignment(a)} /> {t(`trainer.studies.assign.${a}`)}
            </label>
          ))}
          <p className="hint">{t('trainer.studies.assignHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('trainer.studies.cohorts')}</legend>
          {free.length === 0 && options.data && <p>{t('trainer.studies.noCohorts')}</p>}
          {free.map((c) => (
            <div key={c.id} className="study-cohort">
              <label className="choice">
                <input type="checkbox" checked={c.id in chosen} onChange={(e) => toggle(c.id, e.target.checked)} />{' '}
                {c.name} <span className="stat-note">({t('trainer.studies.learners', { count: c.learners })})</span>
              </label>
              {assignment === 'hand' && c.id in chosen && (
                <label className="inline-select">
                  {t('trainer.studies.armOf', { name: c.name })}{' '}
                  <select value={chosen[c.id]} onChange={(e) => setChosen((x) => ({ ...x, [c.id]: e.target.value as Arm }))}>
                    <option value="treated">{t('trainer.studies.arm.treated')}</option>
                    <option value="waitlist">{t('trainer.studies.arm.waitlist')}</option>
                  </select>
                </label>
              )}
            </div>
          ))}
        </fieldset>
        {date('baselineOn', t('trainer.studies.baselineOn'))}
        {date('treatedPostOn', t('trainer.studies.treatedPostOn'))}
        {date('secondBaselineOn', t('trainer.studies.secondBaselineOn'), t('trainer.studies.secondBaselineHint'))}
        {date('followUpOn', t('trainer.studies.followUpOn'), undefined, false)}
        <StaffError error={error} />
        <div className="button-row"><button type="submit" className="button button--primary" disabled={busy}>{t('trainer.studies.create')}</button></div>
      </form>
    </>
  );
}
