import type { AsyncPermissionResult } from '@backstage/plugin-permission-react';
import Button, { type ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';

/**
 * A button that stays visible but disabled, with the reason on hover, while the user lacks the
 * permission (or while it is being checked): the backend refuses anyway, this says why first.
 */
export function PermissionGatedButton(
  props: ButtonProps & { permission: AsyncPermissionResult; deniedReason: string },
) {
  const { permission, deniedReason, disabled, ...button } = props;
  const denied = !permission.loading && !permission.allowed;
  const control = (
    <Button {...button} disabled={disabled || permission.loading || denied} />
  );
  if (!denied) return control;
  // A disabled button fires no events: the tooltip needs a wrapper to hover.
  return (
    <Tooltip title={deniedReason}>
      <span aria-label={deniedReason}>{control}</span>
    </Tooltip>
  );
}
