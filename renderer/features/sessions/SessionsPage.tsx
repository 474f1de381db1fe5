// Sessions area: the list, fast entry, one session (and its amendment), and the effectiveness report.
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { PageLoader } from '../../components/PageLoader';
import { SessionListPage } from './SessionListPage';

// The entry form and the report carry more code (and recharts); they load when first opened.
const SessionEntryPage = lazyPage(() => import('./SessionEntryPage'), 'SessionEntryPage');
const SessionDetailPage = lazyPage(() => import('./SessionDetailPage'), 'SessionDetailPage');
const SessionAmendPage = lazyPage(() => import('./SessionAmendPage'), 'SessionAmendPage');
const EffectivenessPage = lazyPage(() => import('./EffectivenessPage'), 'EffectivenessPage');

export function SessionsPage() {
  return (
    <Suspense fallback={<PageLoader label="Loading page" />}>
        <Routes>
        <Route index element={<SessionListPage />} />
        <Route path="new" element={<SessionEntryPage />} />
        <Route path="effectiveness" element={<EffectivenessPage />} />
        <Route path=":id" element={<SessionDetailPage />} />
        <Route path=":id/amend" element={<SessionAmendPage />} />
        <Route path="*" element={<Navigate to="/sessions" replace />} />
      </Routes>
    </Suspense>
  );
}
