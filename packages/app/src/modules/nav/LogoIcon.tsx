import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 28, height: 28, flexShrink: 0 },
});

/**
 * CarePath's mark: a path through a care cross, the golden path a service
 * takes from template to production.
 */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      role="img"
      aria-label="CarePath"
    >
      <rect x="11" y="2" width="10" height="28" rx="3" fill="#2bb3a3" />
      <rect x="2" y="11" width="28" height="10" rx="3" fill="#2bb3a3" />
      <path
        d="M6 26 C 12 22, 12 10, 26 6"
        stroke="#ffffff"
        strokeWidth="2.5"
        strokeLinecap="round"
        fill="none"
      />
    </svg>
  );
};
