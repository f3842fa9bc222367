import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The page tests render a whole Backstage app with lazy-loaded extensions; on a busy
// machine (CI, shared cores) that takes seconds. Generous limits keep them from flaking;
// a passing test is no slower.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);
