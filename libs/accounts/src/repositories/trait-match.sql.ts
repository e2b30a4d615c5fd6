/** Text a JSON number or boolean prints as through `->>`: numeric output has no exponent. */
const SCALAR_TEXT = /^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|true|false)$/;

/** Text an object or array trait could print as: the one lookup left to the `->>` scan. */
const CONTAINER_TEXT = /^[[{]/;

/**
 * `<traits>->>key = value`, the meaning of a lookup by trait, in a form the GIN index
 * (jsonb_path_ops) on traits serves: a stored string, number or boolean whose text is the value
 * is contained as one of at most two candidates, and the `->>` equality, kept as the recheck,
 * drops what containment matches but the text does not (1.0 contains 1). Parameters $first
 * (key) and $first + 1 (value); the condition, then their values.
 */
export function traitMatchCondition(traits: string, key: string, value: string, first: number): [string, string, string] {
  const [keyParam, valueParam] = [`$${first}::text`, `$${first + 1}::text`];
  const equal = `${traits}->>${keyParam} = ${valueParam}`;
  // Arbitrary text cast to jsonb could fail the request: an object or array is compared as text alone.
  if (CONTAINER_TEXT.test(value)) return [equal, key, value];
  const asString = `${traits} @> jsonb_build_object(${keyParam}, ${valueParam})`;
  const candidates = SCALAR_TEXT.test(value)
    ? `(${asString} OR ${traits} @> jsonb_build_object(${keyParam}, ${valueParam}::jsonb))`
    : asString;
  return [`${candidates} AND ${equal}`, key, value];
}
