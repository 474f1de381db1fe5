// Compliance area: the compliance calendar (home), sharps containers and pickups, the sharps injury log, MDR
// evaluations, BBP training and vaccination offers, plan reviews, credentials, recurring tasks and the inspector view.
import { Stack } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { CalendarPage } from './CalendarPage';
import { ContainerDetailPage } from './ContainerDetailPage';
import { ContainersPage } from './ContainersPage';
import { CredentialsPage } from './CredentialsPage';
import { InjuryLogPage } from './InjuryLogPage';
import { InspectorPage } from './InspectorPage';
import { MdrPage } from './MdrPage';
import { PickupsPage } from './PickupsPage';
import { PlanReviewsPage } from './PlanReviewsPage';
import { TasksPage } from './TasksPage';
import { TrainingPage } from './TrainingPage';
import { VaccinationPage } from './VaccinationPage';

export function CompliancePage() {
  return (
    <Stack>
      {/* Paths are relative to /compliance, where the app mounts this area. */}
      <Routes>
        <Route index element={<CalendarPage />} />
        <Route path="sharps" element={<ContainersPage />} />
        <Route path="sharps/:containerId" element={<ContainerDetailPage />} />
        <Route path="pickups" element={<PickupsPage />} />
        <Route path="injuries" element={<InjuryLogPage />} />
        <Route path="mdr" element={<MdrPage />} />
        <Route path="training" element={<TrainingPage />} />
        <Route path="vaccination" element={<VaccinationPage />} />
        <Route path="plan-reviews" element={<PlanReviewsPage />} />
        <Route path="credentials" element={<CredentialsPage />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="inspector" element={<InspectorPage />} />
        <Route path="*" element={<Navigate to="/compliance" replace />} />
      </Routes>
    </Stack>
  );
}
