import { type ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from '../lib/i18n';
import { JOURNEY_MACHINE_VERSION, type PersistedJourney } from '#journey';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { api } from '../lib/api/api-client';
import { apiCall } from '../lib/api/call';
import { useContentLanguage } from '../lib/use-content-language';
import { useQuery } from '../lib/use-query';
import { JourneyContext, type JourneyContextValue } from '../lib/journey/journey-context';
import { JourneyDriver } from '../lib/journey/journey-driver';
import { persistedOf } from '../lib/journey/journey-types';
import { keepPersisted, sendPersisted } from '../lib/offline/persisted-send';
import { useOfflineCourse } from '../lib/offline/use-offline-course';
import { RefusedAnswers } from '../components/refused-answers';
import { JourneyNotices } from './journey-notices';

// One driver per enrolment for the page's lifetime: actions still on their way survive leaving the course and coming back.
const drivers = new Map<string, JourneyDriver>();

const loadJourney = async (enrolmentId: string): Promise<PersistedJourney> =>
  persistedOf(await apiCall(() => api.GET('/api/enrolments/{enrolmentId}/journey', { params: { path: { enrolmentId } } })));

function driverFor(enrolmentId: string, server: PersistedJourney): JourneyDriver {
  const known = drivers.get(enrolmentId);
  if (known) {
    known.rebase(server);
    return known;
  }
  const driver = new JourneyDriver(server, {
    // Through the answer queue on this phone (lib/offline): an action survives a closed browser and is sent once.
    send: (submission, key, lang) => sendPersisted(enrolmentId, submission, key, lang),
    keep: (submission, key, lang) => keepPersisted(enrolmentId, submission, key, lang),
    load: () => loadJourney(enrolmentId),
  });
  drivers.set(enrolmentId, driver);
  return driver;
}

/**
 * Loads one enrolment's journey and outline and runs the journey machine in the browser: the actor starts from the
 * server's snapshot, is sent each learner action (see journey-driver.ts), and takes the server's snapshot whenever
 * the server answers.
 */
export function JourneyProvider({ enrolmentId, children }: { enrolmentId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  // Asked once what this page sent has landed, so the server's answer includes it.
  const journey = useQuery(async () => {
    await drivers.get(enrolmentId)?.settled();
    return apiCall(() => api.GET('/api/enrolments/{enrolmentId}/journey', { params: { path: { enrolmentId } } }));
  }, [enrolmentId]);
  const outline = useQuery(
    () => apiCall(() => api.GET('/api/enrolments/{enrolmentId}/outline', { params: { path: { enrolmentId }, query: { lang } } })),
    [enrolmentId, lang],
  );
  const [driver, setDriver] = useState<JourneyDriver | null>(null);
  const persisted = journey.data?.snapshot as PersistedJourney | undefined;
  const compatible = persisted?.context?.machineVersion === JOURNEY_MACHINE_VERSION;
  useEffect(() => {
    if (journey.data && compatible) setDriver(driverFor(enrolmentId, persistedOf(journey.data)));
  }, [enrolmentId, journey.data, compatible]);

  const state = useSyncExternalStore(
    driver?.subscribe ?? noSubscription,
    () => driver?.getState() ?? null,
  );
  useOfflineCourse(enrolmentId, outline.data, state?.view, lang, driver);

  const value = useMemo<JourneyContextValue | null>(
    () => (outline.data && driver && state ? { enrolmentId, outline: outline.data, snapshot: state.snapshot, view: state.view, driver } : null),
    [enrolmentId, outline.data, driver, state],
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
  if (!value || !state) return <Loading />;
  return (
    <JourneyContext.Provider value={value}>
      <JourneyNotices state={state} driver={driver!} />
      <RefusedAnswers />
      {children}
    </JourneyContext.Provider>
  );
}

const noSubscription = () => () => {};
