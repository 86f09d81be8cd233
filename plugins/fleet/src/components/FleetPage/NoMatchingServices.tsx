import { Box, Button, Typography } from '@material-ui/core';

/** The filters exclude every service. */
export function NoMatchingServices(props: { onClear: () => void }) {
  return (
    <Box py={6} textAlign="center">
      <Typography variant="body1" paragraph>
        No services match these filters.
      </Typography>
      <Button variant="outlined" onClick={props.onClear}>
        Clear filters
      </Button>
    </Box>
  );
}
