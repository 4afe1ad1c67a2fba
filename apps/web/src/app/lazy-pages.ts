import { lazy } from 'react';

// Split points: the entry bundle holds sign-in and the home page; the course player and the public verification page
// come in their own chunks.
export const loadLearnRoutes = () => import('./learn-routes');
export const LearnRoutes = lazy(loadLearnRoutes);
export const VerifyPage = lazy(() => import('../features/certificate/components/verify-page').then((m) => ({ default: m.VerifyPage })));
