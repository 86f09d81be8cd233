import { Box, Button, TextField } from '@material-ui/core';
import { useState, type FormEvent } from 'react';
import type { AuditEventQuery } from '../../api/ComplianceApi';

const fields = [
  { key: 'actor', label: 'Actor', placeholder: 'user:default/olga.officer' },
  { key: 'action', label: 'Action', placeholder: 'exemption.approved' },
  {
    key: 'entityRef',
    label: 'Entity',
    placeholder: 'component:default/lab-results',
  },
] as const;

/** Day boundaries in UTC, so the range means the same to every reviewer. */
function toQuery(values: Record<string, string>): AuditEventQuery {
  const query: AuditEventQuery = {};
  for (const { key } of fields) {
    if (values[key].trim()) query[key] = values[key].trim();
  }
  if (values.from) query.from = `${values.from}T00:00:00.000Z`;
  if (values.to) query.to = `${values.to}T23:59:59.999Z`;
  return query;
}

/** Actor, action, entity and a date range; applied on submit. */
export function AuditTrailFilters(props: {
  onApply: (query: AuditEventQuery) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({
    actor: '',
    action: '',
    entityRef: '',
    from: '',
    to: '',
  });
  const set = (key: string) => (e: { target: { value: string } }) =>
    setValues(v => ({ ...v, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onApply(toQuery(values));
  };
  return (
    <form onSubmit={submit} aria-label="Audit trail filters">
      <Box display="flex" flexWrap="wrap" gridGap={16} alignItems="flex-end">
        {fields.map(field => (
          <TextField
            key={field.key}
            id={`audit-filter-${field.key}`}
            label={field.label}
            placeholder={field.placeholder}
            value={values[field.key]}
            onChange={set(field.key)}
            InputLabelProps={{ shrink: true }}
          />
        ))}
        <TextField
          id="audit-filter-from"
          label="From (UTC)"
          type="date"
          value={values.from}
          onChange={set('from')}
          InputLabelProps={{ shrink: true }}
        />
        <TextField
          id="audit-filter-to"
          label="To (UTC)"
          type="date"
          value={values.to}
          onChange={set('to')}
          InputLabelProps={{ shrink: true }}
        />
        <Button type="submit" variant="outlined" color="primary">
          Apply filters
        </Button>
      </Box>
    </form>
  );
}
