import type { DataClassification } from '@carepath/plugin-fleet-common';
import { Tooltip, makeStyles } from '@material-ui/core';
import LockOutlined from '@material-ui/icons/LockOutlined';

const descriptions: Record<DataClassification, string> = {
  phi: 'Protected health information: patient data under HIPAA / GDPR health rules',
  pii: 'Personally identifiable information',
  internal: 'Internal data, not for publication',
  public: 'Public data',
};

const useStyles = makeStyles(theme => ({
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    padding: theme.spacing(0, 0.75),
    borderRadius: 4,
    border: `1px solid ${theme.palette.divider}`,
    fontSize: theme.typography.pxToRem(11.5),
    fontWeight: theme.typography.fontWeightMedium as number,
    letterSpacing: 0.4,
    lineHeight: 1.6,
    textTransform: 'uppercase',
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
  },
  phi: {
    color: theme.palette.common.white,
    backgroundColor: '#6a1b9a',
    borderColor: '#6a1b9a',
  },
  pii: {
    color: theme.palette.type === 'dark' ? '#e1bee7' : '#6a1b9a',
    borderColor: '#ab47bc',
  },
  icon: { fontSize: theme.typography.pxToRem(12) },
}));

/** The data classification of a service; PHI stands out with a lock. */
export function ClassificationChip(props: {
  classification?: DataClassification;
}) {
  const { classification } = props;
  const classes = useStyles();
  if (!classification) {
    return (
      <span
        className={classes.chip}
        title="No carepath.io/data-classification annotation"
      >
        unclassified
      </span>
    );
  }
  const extra =
    classification === 'phi' || classification === 'pii'
      ? classes[classification]
      : '';
  return (
    <Tooltip title={descriptions[classification]}>
      <span
        className={`${classes.chip} ${extra}`}
        data-classification={classification}
      >
        {classification === 'phi' && (
          <LockOutlined className={classes.icon} aria-hidden="true" />
        )}
        {classification}
      </span>
    </Tooltip>
  );
}
