import { Content, Header, HeaderTabs, Page } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  backupsRouteRef,
  costsRouteRef,
  federationRouteRef,
  ownershipRouteRef,
  rootRouteRef,
  tenantsRouteRef,
} from '../../routes';

/** The top-level views of the Kubeyard page. */
export type KubeyardTab =
  | 'fleet'
  | 'federation'
  | 'tenants'
  | 'ownership'
  | 'backups'
  | 'costs';

/**
 * The frame of every Kubeyard page: header, the Fleet / Federation / Tenants / Ownership
 * tabs, content. Pages inside (a cluster, a tenant) keep the tab of the view they belong to
 * selected.
 */
export function KubeyardLayout(props: {
  tab: KubeyardTab;
  title?: ReactNode;
  subtitle?: ReactNode;
  /** Small text above the title, e.g. `Fleet`, linking back to `typeLink`. */
  type?: string;
  typeLink?: string;
  /** Header labels shown on the right, e.g. a cluster's status. */
  headerLabels?: ReactNode;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const rootLink = useRouteRef(rootRouteRef);
  const federationLink = useRouteRef(federationRouteRef);
  const tenantsLink = useRouteRef(tenantsRouteRef);
  const ownershipLink = useRouteRef(ownershipRouteRef);
  const backupsLink = useRouteRef(backupsRouteRef);
  const costsLink = useRouteRef(costsRouteRef);
  const tabs = [
    { id: 'fleet', label: 'Fleet', href: rootLink?.() },
    { id: 'federation', label: 'Federation', href: federationLink?.() },
    { id: 'tenants', label: 'Tenants', href: tenantsLink?.() },
    { id: 'ownership', label: 'Ownership', href: ownershipLink?.() },
    { id: 'backups', label: 'Backups', href: backupsLink?.() },
    { id: 'costs', label: 'Costs', href: costsLink?.() },
  ];
  return (
    <Page themeId="tool">
      <Header
        title={props.title ?? 'Kubeyard'}
        pageTitleOverride={
          typeof props.title === 'string' ? props.title : 'Kubeyard'
        }
        subtitle={props.subtitle}
        type={props.type}
        typeLink={props.typeLink}
      >
        {props.headerLabels}
      </Header>
      <HeaderTabs
        tabs={tabs.map(({ id, label }) => ({ id, label }))}
        selectedIndex={tabs.findIndex(t => t.id === props.tab)}
        onChange={index => {
          const href = tabs[index]?.href;
          if (href) navigate(href);
        }}
      />
      <Content>{props.children}</Content>
    </Page>
  );
}
