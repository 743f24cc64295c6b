/**
 * What the ids on a young person's record must point at: the gemeente and wijk are areas of
 * that kind in the caller's region (the wijk inside the gemeente when both are given), the
 * school an organisation of type school in the region. children.service.ts register and
 * update call `checkRefs(q, regionId, body, YOUNG_PERSON_REFS)` before they write.
 */
import type { RefSpec } from '../../core/refs.ts';

export const YOUNG_PERSON_REFS: Record<'gemeenteId' | 'wijkId' | 'schoolId', RefSpec> = {
  gemeenteId: { kind: 'area', areaKind: 'gemeente' },
  wijkId: { kind: 'area', areaKind: 'wijk', within: 'gemeenteId' },
  schoolId: { kind: 'organisation', type: 'school' },
};
