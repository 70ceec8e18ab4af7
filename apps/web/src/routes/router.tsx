import { createBrowserRouter } from 'react-router';
import { DistrictFindingsPage } from './district-findings.page.tsx';
import { DistrictPage } from './district.page.tsx';
import { FindingsPage } from './findings.page.tsx';
import { IdentityReviewPage } from './identity-review.page.tsx';
import { IdentityReviewsPage } from './identity-reviews.page.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { RootLayout } from './root-layout.tsx';
import { RouteError } from './route-error.tsx';
import { StateOverviewPage } from './state-overview.page.tsx';
import { TemplatePage } from './template.page.tsx';
import { TemplatesPage } from './templates.page.tsx';
import { UploadPage } from './upload.page.tsx';

/** The app's routes. */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <StateOverviewPage /> },
      { path: 'districts/:districtNumber', element: <DistrictPage /> },
      { path: 'districts/:districtNumber/upload', element: <UploadPage /> },
      { path: 'districts/:districtNumber/findings', element: <DistrictFindingsPage /> },
      { path: 'findings', element: <FindingsPage /> },
      { path: 'identity-reviews', element: <IdentityReviewsPage /> },
      { path: 'identity-reviews/:reviewId', element: <IdentityReviewPage /> },
      { path: 'templates', element: <TemplatesPage /> },
      { path: 'templates/:id', element: <TemplatePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
