import type {
  Observed,
  ObservedValue,
} from '@carepath/plugin-compliance-common';
import { Box } from '@material-ui/core';

function isRecord(
  value: ObservedValue,
): value is { [key: string]: ObservedValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function Value(props: { value: ObservedValue }) {
  const { value } = props;
  if (value === null) return <em>none</em>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <em>none</em>;
    if (value.every(v => !isRecord(v) && !Array.isArray(v))) {
      return <code>{value.map(String).join(', ')}</code>;
    }
    return (
      <Box component="ul" m={0} pl={2}>
        {value.map((item, index) => (
          <li key={index}>
            <Value value={item} />
          </li>
        ))}
      </Box>
    );
  }
  if (isRecord(value)) return <ObservedList observed={value} />;
  return <code>{String(value)}</code>;
}

/** What an evaluator observed, as a key/value list rather than raw JSON. */
export function ObservedList(props: { observed: Observed }) {
  const entries = Object.entries(props.observed);
  if (entries.length === 0) return <em>nothing recorded</em>;
  return (
    <Box
      component="dl"
      m={0}
      display="grid"
      gridTemplateColumns="max-content 1fr"
      gridColumnGap={12}
      gridRowGap={2}
    >
      {entries.map(([key, value]) => (
        <Box display="contents" key={key}>
          <Box component="dt" fontWeight={500}>
            {key}
          </Box>
          <Box component="dd" m={0}>
            <Value value={value} />
          </Box>
        </Box>
      ))}
    </Box>
  );
}
