import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { HomePage } from './home.page.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { PublicLayout } from './public-layout.tsx';
import { ResetPasswordPage } from './reset-password.page.tsx';
import { RootLayout } from './root-layout.tsx';
import { RouteError } from './route-error.tsx';
import { SignInPage } from './sign-in.page.tsx';

/**
 * A route whose page module is fetched on its first visit, so that signing in does not wait for the code of
 * every feature (one bundle of all pages passed half a megabyte).
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return { lazy: async () => ({ Component: (await load())[name] }) };
}

/** Shown while the first page's code loads. */
const loading = <Loading what="the page" />;

/** The app's routes: sign-in and password reset signed out, everything else behind the session. */
export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: loading,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
    ],
  },
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: loading,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'districts/:districtNumber', ...lazyPage(() => import('./district.page.tsx'), 'DistrictPage') },
      {
        path: 'districts/:districtNumber/upload',
        ...lazyPage(() => import('./upload.page.tsx'), 'UploadPage'),
      },
      {
        path: 'districts/:districtNumber/findings',
        ...lazyPage(() => import('./district-findings.page.tsx'), 'DistrictFindingsPage'),
      },
      {
        path: 'districts/:districtNumber/users',
        ...lazyPage(() => import('./users.page.tsx'), 'DistrictUsersPage'),
      },
      {
        path: 'districts/:districtNumber/anb',
        ...lazyPage(() => import('./district-anb.page.tsx'), 'DistrictAnbPage'),
      },
      {
        path: 'districts/:districtNumber/attendance',
        ...lazyPage(() => import('./district-attendance.page.tsx'), 'DistrictAttendancePage'),
      },
      { path: 'anb', ...lazyPage(() => import('./state-anb.page.tsx'), 'StateAnbPage') },
      { path: 'outcomes', ...lazyPage(() => import('./outcome.page.tsx'), 'StateOutcomePage') },
      { path: 'outcomes/:measure', ...lazyPage(() => import('./outcome.page.tsx'), 'StateOutcomePage') },
      {
        path: 'districts/:districtNumber/outcomes',
        ...lazyPage(() => import('./outcome.page.tsx'), 'DistrictOutcomePage'),
      },
      {
        path: 'districts/:districtNumber/outcomes/:measure',
        ...lazyPage(() => import('./outcome.page.tsx'), 'DistrictOutcomePage'),
      },
      { path: 'exports', ...lazyPage(() => import('./exports.page.tsx'), 'ExportsPage') },
      { path: 'public-reports', ...lazyPage(() => import('./public-report.page.tsx'), 'PublicReportPage') },
      { path: 'early-warning', ...lazyPage(() => import('./early-warning.page.tsx'), 'EarlyWarningPage') },
      {
        path: 'early-warning/models/:modelId',
        ...lazyPage(() => import('./early-warning-model.page.tsx'), 'EarlyWarningModelPage'),
      },
      {
        path: 'districts/:districtNumber/early-warning',
        ...lazyPage(() => import('./district-early-warning.page.tsx'), 'DistrictEarlyWarningPage'),
      },
      {
        path: 'districts/:districtNumber/early-warning/students/:stateId',
        ...lazyPage(() => import('./ews-student.page.tsx'), 'EwsStudentPage'),
      },
      { path: 'findings', ...lazyPage(() => import('./findings.page.tsx'), 'FindingsPage') },
      {
        path: 'identity-reviews',
        ...lazyPage(() => import('./identity-reviews.page.tsx'), 'IdentityReviewsPage'),
      },
      {
        path: 'identity-reviews/:reviewId',
        ...lazyPage(() => import('./identity-review.page.tsx'), 'IdentityReviewPage'),
      },
      { path: 'templates', ...lazyPage(() => import('./templates.page.tsx'), 'TemplatesPage') },
      { path: 'templates/:id', ...lazyPage(() => import('./template.page.tsx'), 'TemplatePage') },
      { path: 'users', ...lazyPage(() => import('./users.page.tsx'), 'UsersPage') },
      { path: 'audit', ...lazyPage(() => import('./audit.page.tsx'), 'AuditPage') },
      { path: 'my-school', ...lazyPage(() => import('./my-school.page.tsx'), 'MySchoolPage') },
      {
        path: 'districts/:districtNumber/students',
        ...lazyPage(() => import('./students.page.tsx'), 'StudentsPage'),
      },
      {
        path: 'districts/:districtNumber/staff-courses',
        ...lazyPage(() => import('./district-records.page.tsx'), 'DistrictRecordsPage'),
      },
      {
        path: 'districts/:districtNumber/students/new',
        ...lazyPage(() => import('./new-student.page.tsx'), 'NewStudentPage'),
      },
      {
        path: 'districts/:districtNumber/students/:studentId',
        ...lazyPage(() => import('./student.page.tsx'), 'StudentPage'),
      },
      {
        path: 'districts/:districtNumber/students/:studentId/entry/:template',
        ...lazyPage(() => import('./student-entry.page.tsx'), 'StudentEntryPage'),
      },
      {
        path: 'collections/calendar',
        ...lazyPage(() => import('./collections-calendar.page.tsx'), 'CollectionsCalendarPage'),
      },
      {
        path: 'certification',
        ...lazyPage(() => import('./certification-events.page.tsx'), 'CertificationEventsPage'),
      },
      {
        path: 'certification/dashboard',
        ...lazyPage(() => import('./certification-dashboard.page.tsx'), 'CertificationDashboardPage'),
      },
      {
        path: 'certification/:eventId',
        ...lazyPage(() => import('./certification-event.page.tsx'), 'CertificationEventPage'),
      },
      {
        path: 'certification/:eventId/districts/:district',
        ...lazyPage(() => import('./certification-district.page.tsx'), 'CertificationDistrictPage'),
      },
      {
        path: 'districts/:districtNumber/certification',
        ...lazyPage(() => import('./district-certification.page.tsx'), 'DistrictCertificationPage'),
      },
      {
        path: 'districts/:districtNumber/certification/members',
        ...lazyPage(() => import('./certification-members.page.tsx'), 'CertificationMembersPage'),
      },
      {
        path: 'districts/:districtNumber/contacts',
        ...lazyPage(() => import('./contacts.page.tsx'), 'DistrictContactsPage'),
      },
      { path: 'contacts', ...lazyPage(() => import('./contacts.page.tsx'), 'ContactsPage') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
