import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  BACKUP_TIERS,
  tenantNamespace,
  type TenantSpec,
} from '@kubeyard/backstage-plugin-kubeyard-common';
import type { ReactNode } from 'react';

function Field(props: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Grid item xs={props.wide ? 12 : 6} sm={props.wide ? 12 : 4}>
      <Typography variant="overline" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Box>{props.children}</Box>
    </Grid>
  );
}

function Lines(props: { items: string[]; empty: string }) {
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.empty}
      </Typography>
    );
  }
  return (
    <>
      {props.items.map(item => (
        <Typography variant="body2" key={item}>
          {item}
        </Typography>
      ))}
    </>
  );
}

/** What the tenant asked for: tier, environment, isolation, pod security, network, registries. */
export function TenantSpecCard(props: { spec: TenantSpec }) {
  const { spec } = props;
  const overrides = Object.entries(spec.tier.quotaOverrides).filter(
    ([, value]) => value !== undefined,
  );
  const vcluster =
    spec.isolation === 'vcluster' && spec.vcluster
      ? [
          spec.vcluster.k8sVersion && `Kubernetes ${spec.vcluster.k8sVersion}`,
          spec.vcluster.nodes && `${spec.vcluster.nodes} nodes`,
        ].filter(Boolean)
      : [];
  return (
    <InfoCard title="Spec">
      <Grid container spacing={2}>
        <Field label="Tier">
          {spec.tier.preset}
          {overrides.length > 0 && (
            <Typography variant="caption" color="textSecondary" component="div">
              overrides: {overrides.map(([k, v]) => `${k} ${v}`).join(', ')}
            </Typography>
          )}
        </Field>
        <Field label="Environment">{spec.environment}</Field>
        <Field label="Isolation">
          {spec.isolation}
          {vcluster.length > 0 && (
            <Typography variant="caption" color="textSecondary" component="div">
              {vcluster.join(', ')}
            </Typography>
          )}
        </Field>
        <Field label="Pod security">{spec.podSecurity}</Field>
        <Field label="Namespace">{tenantNamespace(spec)}</Field>
        <Field label="Backup tier">
          {spec.backupTier}{' '}
          <Typography variant="caption" color="textSecondary">
            ({BACKUP_TIERS[spec.backupTier]?.summary})
          </Typography>
        </Field>
        <Field label="Cost center">{spec.costCenter}</Field>
        <Field label="Contact">{spec.contact}</Field>
        <Field label="Monthly budget">
          {spec.monthlyBudget
            ? `${spec.monthlyBudget.amount} ${spec.monthlyBudget.currency}`
            : 'none'}
        </Field>
        <Field label="Network" wide>
          <Lines
            empty=""
            items={[
              `Ingress from ${spec.network.ingressControllerNamespace} (ingress controller) and the tenant's own namespace`,
              ...spec.network.allowedNamespaces.map(
                a =>
                  `Egress to ${a.namespace} on ${a.ports
                    .map(p => `${p.protocol}/${p.port}`)
                    .join(', ')}`,
              ),
              spec.network.internetEgress
                ? 'Internet egress allowed (HTTPS, TCP/443)'
                : 'No internet egress',
            ]}
          />
        </Field>
        <Field label="Allowed registries" wide>
          <Lines
            items={spec.allowedRegistries}
            empty="Not restricted: images from any registry"
          />
        </Field>
      </Grid>
    </InfoCard>
  );
}
