/**
 * Type-level checks that a list the web app keeps as a value (the options of a select) holds
 * exactly the values the server's schema accepts. They cost nothing at run time (types only);
 * when the server adds or drops a value and the web app does not follow, `tsc` fails here.
 *
 *   type _Kinds = SameValues<typeof ABSENCE_KINDS, AbsenceBody['kind']>;
 */

/** True when A and B are the same union (neither has a member the other lacks). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compiles only when the list's values are exactly the union; otherwise the error names the
 * values the list lacks (`missing`) and the values the server does not accept (`extra`).
 */
export type SameValues<List extends readonly unknown[], Union> = Same<List[number], Union> extends true
  ? true
  : { missing: Exclude<Union, List[number]>; extra: Exclude<List[number], Union> } & CheckFailed;

declare const failed: unique symbol;
/** Makes the failure a type that `Assert` rejects. */
type CheckFailed = { [failed]: true };

/** Use as `type _X = Assert<SameValues<…>>`: a compile error when the check fails. */
export type Assert<T extends true> = T;
