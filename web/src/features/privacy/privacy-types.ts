/** Shapes of the privacy officer's API, mirroring server/modules/privacy/privacy.routes.ts. */

/** GET /api/v1/privacy/overview. */
export interface PrivacyOverview {
  legalBases: {
    id: string; kind: string; organisationName: string; recordedBy: string; recordedAt: string; justification: string;
    provisionalUntil: string | null; endangering: boolean; endangeringReason: string | null; childName: string;
  }[];
  breakGlass: {
    id: string; userId: string; who: string; organisationName: string; emergency: string; reason: string; childName: string;
    startedAt: string; endsAt: string; active: boolean; reviewOutcome: string | null; reviewer: string | null; blocked: boolean;
    familyEndangered: boolean; awaitsMe: boolean; frequentUser: boolean;
  }[];
  joinRequests: { id: string; who: string; organisationName: string; childName: string; createdAt: string; hasLead: boolean }[];
  unusual: {
    manyChildren: { userId: string; who: string; day: string; children: number }[];
    offHours: { userId: string; who: string; events: number; children: number; lastAt: string }[];
  };
  professionals: { userId: string; displayName: string; organisationName: string }[];
}

/** GET /api/v1/privacy/access-report (NEN 7513). */
export interface AccessReport {
  items: { at: string; kind: string; outcome: string; basis: string | null; organisationName: string | null; childName: string | null; youngPersonId: string | null }[];
}
