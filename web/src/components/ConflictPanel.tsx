/**
 * Shown when a save answers 409 conflict: someone else saved a newer version.
 * Lists what differs between the user's edit and the server's current version and
 * lets the user choose: take the other version (lose their edit) or overwrite it.
 */
import { Alert, Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll.tsx';

export interface ConflictChange {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? describe(v) : String(v))).join('; ');
  if (typeof value === 'object') return describe(value);
  return String(value);
}

function describe(value: unknown): string {
  if (!value || typeof value !== 'object') return String(value);
  const o = value as Record<string, unknown>;
  const main = o.text ?? o.what ?? o.title ?? o.name;
  return main !== undefined ? String(main) : JSON.stringify(value);
}

/** Compares the fields the user edits against the server's current version. */
export function diffFields(mine: Record<string, unknown>, theirs: Record<string, unknown>, labels: Record<string, string>): ConflictChange[] {
  const out: ConflictChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const a = show(mine[field]);
    const b = show(theirs[field]);
    if (a !== b) out.push({ field, label, mine: a, theirs: b });
  }
  return out;
}

export function ConflictPanel(props: {
  changes: ConflictChange[];
  onUseTheirs: () => void;
  onOverwrite: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert type="warning" role="alert" className="rondom-conflict">
      <Heading level={2}>{t('conflict.title')}</Heading>
      <Paragraph>{t('conflict.explain')}</Paragraph>
      {props.changes.length > 0 ? (
        <TableScroll label={t('conflict.title')}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('conflict.field')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('conflict.mine')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('conflict.theirs')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {props.changes.map((c) => (
                <TableRow key={c.field}>
                  <TableHeaderCell scope="row">{c.label}</TableHeaderCell>
                  <TableCell>{c.mine}</TableCell>
                  <TableCell>{c.theirs}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      ) : (
        <Paragraph>{t('conflict.noVisibleChanges')}</Paragraph>
      )}
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={props.onUseTheirs} disabled={props.busy}>{t('conflict.useTheirs')}</Button>
        <Button appearance="primary-action-button" onClick={props.onOverwrite} busy={props.busy} disabled={props.busy}>{t('conflict.overwrite')}</Button>
      </ButtonGroup>
    </Alert>
  );
}
