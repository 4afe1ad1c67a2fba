import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelector } from '@xstate/react';
import { createActor } from 'xstate';
import { describeJourney, JOURNEY_MACHINE_VERSION, journeyMachine, type PersistedJourney } from '#journey';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { api } from '../lib/api/api-client';
import { apiCall } from '../lib/api/call';
import { useContentLanguage } from '../lib/use-content-language';
import { useQuery } from '../lib/use-query';
import { JourneyContext, type JourneyContextValue } from '../lib/journey/journey-context';
import { persistedOf } from '../lib/journey/journey-types';
import { useOfflineCourse } from '../lib/offline/use-offline-course';

/**
 * Loads one enrolment's journey and outline and runs the journey machine in the browser, hydrated from the server's
 * snapshot. Nothing is sent to this actor: after every submission the whole snapshot is replaced by the one the server
 * returned, because the server is the authority on what happened.
 */
export function JourneyProvider({ enrolmentId, children }: { enrolmentId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const journey = useQuery(
    () => apiCall(() => api.GET('/api/enrolments/{enrolmentId}/journey', { params: { path: { enrolmentId } } })),
    [enrolmentId],
  );
  const outline = useQuery(
    () => apiCall(() => api.GET('/api/enrolments/{enrolmentId}/outline', { params: { path: { enrolmentId }, query: { lang } } })),
    [enrolmentId, lang],
  );
  const [persisted, setPersisted] = useState<PersistedJourney | null>(null);
  useEffect(() => {
    if (journey.data) setPersisted(persistedOf(journey.data));
  }, [journey.data]);

  const compatible = persisted?.context?.machineVersion === JOURNEY_MACHINE_VERSION;
  // A fresh actor per confirmed snapshot: `createActor(journeyMachine, { snapshot })` restores without replaying.
  const actor = useMemo(
    () => (persisted && compatible ? createActor(journeyMachine, { snapshot: persisted, input: persisted.context.outline }).start() : undefined),
    [persisted, compatible],
  );
  const snapshot = useSelector(actor, (s) => s);
  const view = useMemo(() => (snapshot ? describeJourney(snapshot) : undefined), [snapshot]);

  const accept = useCallback<JourneyContextValue['accept']>((state) => {
    const next = persistedOf(state);
    setPersisted(next);
    return describeJourney(next);
  }, []);
  const { reload: refresh } = journey;
  useOfflineCourse(enrolmentId, outline.data, view, lang, refresh);

  const value = useMemo<JourneyContextValue | null>(
    () => (outline.data && snapshot && view ? { enrolmentId, outline: outline.data, snapshot, view, accept, refresh } : null),
    [enrolmentId, outline.data, snapshot, view, accept, refresh],
  );

  if (persisted && !compatible) {
    return (
      <div className="card" role="alert">
        <p>{t('learn.journey.outdated')}</p>
        <button type="button" className="secondary" onClick={() => window.location.reload()}>{t('learn.journey.reload')}</button>
      </div>
    );
  }
  const error = (!journey.data && journey.error) || (!outline.data && outline.error);
  if (error) {
    return (
      <div className="card">
        <ErrorMessage error={error} />
        <button type="button" className="secondary" onClick={() => { journey.reload(); outline.reload(); }}>{t('learn.retry')}</button>
      </div>
    );
  }
  if (!value) return <Loading />;
  return <JourneyContext.Provider value={value}>{children}</JourneyContext.Provider>;
}
