import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { KubeyardClusterPicker } from './KubeyardClusterPicker';

/** The `KubeyardClusterPicker` scaffolder field: `ui:field: KubeyardClusterPicker` on an array of strings. */
export const clusterPickerField = createFormField({
  name: 'KubeyardClusterPicker',
  component: KubeyardClusterPicker as any,
  validation: (value: unknown, validation) => {
    if (Array.isArray(value) && new Set(value).size !== value.length) {
      validation.addError('each cluster can be picked only once');
    }
  },
});
