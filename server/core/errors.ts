/**
 * Errors for people: every client error has a stable machine code and a short
 * message in Dutch and English. Services throw AppError; the HTTP layer maps it.
 */
import { Type, type Static } from 'typebox';

export type ErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'invalid_credentials'
  | 'totp_required'
  | 'invalid_totp'
  | 'too_many_attempts'
  | 'rate_limited'
  | 'conflict'
  | 'version_required'
  | 'already_exists'
  | 'invalid_bsn'
  | 'weak_password'
  | 'unprocessable'
  | 'no_basis'
  | 'sensitive_term'
  | 'invalid_reference'
  | 'duplicate'
  | 'invalid_value'
  | 'method_not_allowed'
  | 'internal_error';

const MESSAGES: Record<ErrorCode, { nl: string; en: string; status: number }> = {
  validation_failed: { status: 400, nl: 'Niet alle velden zijn goed ingevuld.', en: 'Some fields are not filled in correctly.' },
  invalid_json: { status: 400, nl: 'Het verzoek is geen geldige JSON.', en: 'The request is not valid JSON.' },
  unsupported_media_type: { status: 415, nl: 'Stuur de gegevens als JSON.', en: 'Send the data as JSON.' },
  payload_too_large: { status: 413, nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
  not_found: { status: 404, nl: 'Niet gevonden.', en: 'Not found.' },
  unauthenticated: { status: 401, nl: 'Log eerst in.', en: 'Please log in first.' },
  forbidden: { status: 403, nl: 'U mag dit niet doen.', en: 'You are not allowed to do this.' },
  csrf_failed: { status: 403, nl: 'De beveiligingscode ontbreekt of klopt niet. Laad de pagina opnieuw.', en: 'The security token is missing or wrong. Reload the page.' },
  invalid_credentials: { status: 401, nl: 'E-mailadres of wachtwoord klopt niet.', en: 'Email address or password is incorrect.' },
  totp_required: { status: 401, nl: 'Vul de code uit uw authenticator-app in.', en: 'Enter the code from your authenticator app.' },
  invalid_totp: { status: 401, nl: 'De code klopt niet.', en: 'The code is incorrect.' },
  too_many_attempts: { status: 429, nl: 'Te veel pogingen. Probeer het over 15 minuten opnieuw.', en: 'Too many attempts. Try again in 15 minutes.' },
  rate_limited: { status: 429, nl: 'Te veel verzoeken. Wacht even.', en: 'Too many requests. Please wait.' },
  conflict: { status: 409, nl: 'Iemand anders heeft dit intussen gewijzigd.', en: 'Someone else changed this in the meantime.' },
  version_required: { status: 428, nl: 'Stuur de versie mee die u hebt gelezen (If-Match).', en: 'Send the version you read (If-Match).' },
  already_exists: { status: 409, nl: 'Dit bestaat al.', en: 'This already exists.' },
  invalid_bsn: { status: 400, nl: 'Dit BSN is niet geldig.', en: 'This BSN is not valid.' },
  weak_password: { status: 400, nl: 'Kies een sterker wachtwoord.', en: 'Choose a stronger password.' },
  no_basis: { status: 422, nl: 'Er is geen toestemming of andere grondslag voor deze organisatie.', en: 'No consent or other legal basis covers this organisation.' },
  sensitive_term: { status: 422, nl: 'Deze tekst bevat een woord dat niet in een gedeelde tekst hoort.', en: 'This text holds a word that does not belong in a shared text.' },
  invalid_reference: { status: 422, nl: 'Een gekozen item bestaat niet of past hier niet. Kies opnieuw.', en: 'A chosen item does not exist or does not fit here. Choose again.' },
  duplicate: { status: 422, nl: 'Hetzelfde item staat er twee keer in.', en: 'The same item is in there twice.' },
  invalid_value: { status: 422, nl: 'Een waarde klopt niet. Controleer wat u invulde.', en: 'A value is not valid. Check what you entered.' },
  unprocessable: { status: 422, nl: 'Dit kan nu niet.', en: 'This cannot be done now.' },
  method_not_allowed: { status: 405, nl: 'Deze methode is hier niet toegestaan.', en: 'This method is not allowed here.' },
  internal_error: { status: 500, nl: 'Er ging iets mis aan onze kant.', en: 'Something went wrong on our side.' },
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: { en?: string; nl?: string; fields?: Record<string, string>; current?: unknown },
  ) {
    super(detail?.en ?? MESSAGES[code].en);
    this.status = MESSAGES[code].status;
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messageNl: string; fields?: Record<string, string>; current?: unknown };
}

export function errorBody(code: ErrorCode, detail?: AppError['detail']): ErrorBody {
  const m = MESSAGES[code];
  return {
    error: {
      code,
      message: detail?.en ?? m.en,
      messageNl: detail?.nl ?? m.nl,
      ...(detail?.fields ? { fields: detail.fields } : {}),
      ...(detail?.current !== undefined ? { current: detail.current } : {}),
    },
  };
}

export function statusOf(code: ErrorCode): number {
  return MESSAGES[code].status;
}

/** Response schema for errors, used in every route's OpenAPI entry. */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      messageNl: Type.String(),
      fields: Type.Optional(Type.Record(Type.String(), Type.String())),
      current: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'Error' },
);
/** For the web app (`import type` only). */
export type ErrorOut = Static<typeof ErrorSchema>;
