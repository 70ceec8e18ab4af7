import { createBrowserRouter } from 'react-router';
import { AuditPage } from './audit.page.tsx';
import { DistrictFindingsPage } from './district-findings.page.tsx';
import { DistrictPage } from './district.page.tsx';
import { FindingsPage } from './findings.page.tsx';
import { HomePage } from './home.page.tsx';
import { IdentityReviewPage } from './identity-review.page.tsx';
import { IdentityReviewsPage } from './identity-reviews.page.tsx';
import { MySchoolPage } from './my-school.page.tsx';
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
      { path: 'findings', element: <FindingsPage /> },
      { path: 'identity-reviews', element: <IdentityReviewsPage /> },
      { path: 'identity-reviews/:reviewId', element: <IdentityReviewPage /> },
      { path: 'templates', element: <TemplatesPage /> },
      { path: 'templates/:id', element: <TemplatePage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'my-school', element: <MySchoolPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
