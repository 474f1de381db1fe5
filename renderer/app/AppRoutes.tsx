// The area pages behind the app frame; unknown addresses go to the Dashboard.
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { areas } from './areas';

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader label="Loading page" />}>
      <Routes>
        {areas.map(({ path, Page }) => (
          // Each area may nest its own pages (a lot's detail, a session) below its address.
          <Route key={path} path={path === '/' ? path : `${path}/*`} element={<Page />} />
        ))}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
