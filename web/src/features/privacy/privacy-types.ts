/**
 * Shapes of the privacy officer's API: the server's schemas (server/modules/privacy/privacy.routes.ts),
 * imported as types only, so the build fails when the web app and the API disagree.
 */
import type { AccessReportOut, PrivacyOverviewOut } from '../../../../server/modules/privacy/privacy.routes.ts';

/** GET /api/v1/privacy/overview. */
export type PrivacyOverview = PrivacyOverviewOut;

/** GET /api/v1/privacy/access-report (NEN 7513). */
export type AccessReport = AccessReportOut;
