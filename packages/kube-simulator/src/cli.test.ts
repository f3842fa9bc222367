import { parseArgs } from './cli';

describe('kube-simulator CLI arguments', () => {
  it('defaults to the demo scenario on port 6550', () => {
    expect(parseArgs([])).toEqual({ scenario: 'demo', port: 6550 });
  });

  it('parses every option, in both --flag value and --flag=value forms', () => {
    expect(
      parseArgs(['--scenario', 'scale', '--port=0', '--kubeconfig-out', '/tmp/kc', '--clusters', '3', '--namespaces=4', '--pods', '100', '--seed', '7', '--realtime', '60']),
    ).toEqual({ scenario: 'scale', port: 0, kubeconfigOut: '/tmp/kc', seed: 7, realtime: 60, scaleParams: { clusters: 3, namespaces: 4, pods: 100 } });
    expect(parseArgs(['--realtime']).realtime).toBe(1);
    expect(parseArgs(['--realtime', '--port', '1']).port).toBe(1);
  });

  it('rejects unknown options and bad numbers', () => {
    expect(() => parseArgs(['--nope'])).toThrow('unknown option --nope');
    expect(() => parseArgs(['--port', 'abc'])).toThrow('--port needs a non-negative integer');
  });
});
