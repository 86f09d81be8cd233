import { makeStyles } from '@material-ui/core';
import { LogoIcon } from './LogoIcon';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: 8 },
  name: {
    color: '#ffffff',
    fontSize: 22,
    fontWeight: 700,
    letterSpacing: 0.3,
    whiteSpace: 'nowrap',
  },
});

export const LogoFull = () => {
  const classes = useStyles();
  return (
    <span className={classes.root}>
      <LogoIcon />
      <span className={classes.name}>CarePath</span>
    </span>
  );
};
