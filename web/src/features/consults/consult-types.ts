/** Shapes of the consults API (server/modules/consults/consults.schemas.ts). */

export interface Consult {
  id: string;
  question: string;
  lifeDomains: string[];
  addressedTo: 'contact' | 'team';
  addressee: string;
  asker: { displayName: string; organisationName: string };
  status: 'open' | 'answered';
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
  mine: boolean;
  version: number;
  allowedActions: string[];
}

export interface ConsultOptions {
  organisations: {
    id: string; name: string; type: string;
    contact: { displayName: string; organisationName: string } | null;
    team: { id: string; name: string } | null;
    allowedActions: string[];
  }[];
}

export interface ContactCandidate { userId: string; displayName: string; organisationId: string; organisationName: string }

export type ConsultOrganisation = ConsultOptions['organisations'][number];
