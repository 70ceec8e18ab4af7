import { createBrowserRouter } from 'react-router';
import { AuditPage } from './audit.page.tsx';
import { CertificationDashboardPage } from './certification-dashboard.page.tsx';
import { CertificationDistrictPage } from './certification-district.page.tsx';
import { CertificationEventPage } from './certification-event.page.tsx';
import { CertificationEventsPage } from './certification-events.page.tsx';
import { CertificationMembersPage } from './certification-members.page.tsx';
import { CollectionsCalendarPage } from './collections-calendar.page.tsx';
import { ContactsPage, DistrictContactsPage } from './contacts.page.tsx';
import { DistrictCertificationPage } from './district-certification.page.tsx';
import { DistrictAnbPage } from './district-anb.page.tsx';
import { DistrictAttendancePage } from './district-attendance.page.tsx';
import { StateAnbPage } from './state-anb.page.tsx';
import { DistrictOutcomePage, StateOutcomePage } from './outcome.page.tsx';
import { ExportsPage } from './exports.page.tsx';
import { PublicReportPage } from './public-report.page.tsx';
import { DistrictFindingsPage } from './district-findings.page.tsx';
import { DistrictPage } from './district.page.tsx';
import { DistrictRecordsPage } from './district-records.page.tsx';
import { DistrictEarlyWarningPage } from './district-early-warning.page.tsx';
import { EarlyWarningModelPage } from './early-warning-model.page.tsx';
import { EarlyWarningPage } from './early-warning.page.tsx';
import { EwsStudentPage } from './ews-student.page.tsx';
import { FindingsPage } from './findings.page.tsx';
import { HomePage } from './home.page.tsx';
import { IdentityReviewPage } from './identity-review.page.tsx';
import { IdentityReviewsPage } from './identity-reviews.page.tsx';
import { MySchoolPage } from './my-school.page.tsx';
import { NewStudentPage } from './new-student.page.tsx';
import { StudentEntryPage } from './student-entry.page.tsx';
import { StudentPage } from './student.page.tsx';
import { StudentsPage } from './students.page.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { PublicLayout } from './public-layout.tsx';
import { ResetPasswordPage } from './reset-password.page.tsx';
import { RootLayout } from './root-layout.tsx';
import { RouteError } from './route-error.tsx';
import { SignInPage } from './sign-in.page.tsx';
import { TemplatePage } from './template.page.tsx';
import { TemplatesPage } from './templates.page.tsx';
import { UploadPage } from './upload.page.tsx';
import { DistrictUsersPage, UsersPage } from './users.page.tsx';

/** The app's routes: sign-in and password reset signed out, everything else behind the session. */
export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
    ],
  },
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'districts/:districtNumber', element: <DistrictPage /> },
      { path: 'districts/:districtNumber/upload', element: <UploadPage /> },
      { path: 'districts/:districtNumber/findings', element: <DistrictFindingsPage /> },
      { path: 'districts/:districtNumber/users', element: <DistrictUsersPage /> },
      { path: 'districts/:districtNumber/anb', element: <DistrictAnbPage /> },
      { path: 'districts/:districtNumber/attendance', element: <DistrictAttendancePage /> },
      { path: 'anb', element: <StateAnbPage /> },
      { path: 'outcomes', element: <StateOutcomePage /> },
      { path: 'outcomes/:measure', element: <StateOutcomePage /> },
      { path: 'districts/:districtNumber/outcomes', element: <DistrictOutcomePage /> },
      { path: 'districts/:districtNumber/outcomes/:measure', element: <DistrictOutcomePage /> },
      { path: 'exports', element: <ExportsPage /> },
      { path: 'public-reports', element: <PublicReportPage /> },
      { path: 'early-warning', element: <EarlyWarningPage /> },
      { path: 'early-warning/models/:modelId', element: <EarlyWarningModelPage /> },
      { path: 'districts/:districtNumber/early-warning', element: <DistrictEarlyWarningPage /> },
      { path: 'districts/:districtNumber/early-warning/students/:stateId', element: <EwsStudentPage /> },
      { path: 'findings', element: <FindingsPage /> },
      { path: 'identity-reviews', element: <IdentityReviewsPage /> },
      { path: 'identity-reviews/:reviewId', element: <IdentityReviewPage /> },
      { path: 'templates', element: <TemplatesPage /> },
      { path: 'templates/:id', element: <TemplatePage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'my-school', element: <MySchoolPage /> },
      { path: 'districts/:districtNumber/students', element: <StudentsPage /> },
      { path: 'districts/:districtNumber/staff-courses', element: <DistrictRecordsPage /> },
      { path: 'districts/:districtNumber/students/new', element: <NewStudentPage /> },
      { path: 'districts/:districtNumber/students/:studentId', element: <StudentPage /> },
      {
        path: 'districts/:districtNumber/students/:studentId/entry/:template',
        element: <StudentEntryPage />,
      },
      { path: 'collections/calendar', element: <CollectionsCalendarPage /> },
      { path: 'certification', element: <CertificationEventsPage /> },
      { path: 'certification/dashboard', element: <CertificationDashboardPage /> },
      { path: 'certification/:eventId', element: <CertificationEventPage /> },
      { path: 'certification/:eventId/districts/:district', element: <CertificationDistrictPage /> },
      { path: 'districts/:districtNumber/certification', element: <DistrictCertificationPage /> },
      { path: 'districts/:districtNumber/certification/members', element: <CertificationMembersPage /> },
      { path: 'districts/:districtNumber/contacts', element: <DistrictContactsPage /> },
      { path: 'contacts', element: <ContactsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
