import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** Registers the KubeyardClusterPicker field with the scaffolder. */
export const clusterPickerFormField = FormFieldBlueprint.make({
  name: 'kubeyard-cluster-picker',
  params: {
    field: () => import('../components/ClusterPicker/clusterPickerField').then(m => m.clusterPickerField),
  },
});
