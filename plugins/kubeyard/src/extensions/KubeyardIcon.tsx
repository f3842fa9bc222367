import CloudQueueIcon from '@material-ui/icons/CloudQueue';

/** The icon of Kubeyard in the sidebar and page headers. */
export const KubeyardIcon = CloudQueueIcon;
