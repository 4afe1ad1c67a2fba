import { lazy } from 'react';
import { loadPlayerStrings } from '../lib/i18n';

// Split points: the entry bundle holds sign-in and the home page; the course player and the public verification page
// come in their own chunks, each with the player's strings.
export const loadLearnRoutes = () => Promise.all([import('./learn-routes'), loadPlayerStrings()]).then(([m]) => m);
export const LearnRoutes = lazy(loadLearnRoutes);
export const VerifyPage = lazy(() =>
  Promise.all([import('../features/certificate/components/verify-page'), loadPlayerStrings()]).then(([m]) => ({ default: m.VerifyPage })),
);
