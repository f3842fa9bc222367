import {
  deploymentConditions,
  resolveIntOrPercent,
  rolloutBudget,
} from './deploymentRollout';

describe('rolloutBudget', () => {
  it.each([
    [undefined, 4, { maxSurge: 1, maxUnavailable: 1 }],
    [
      {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
      },
      3,
      { maxSurge: 1, maxUnavailable: 0 },
    ],
    [
      {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '50%', maxUnavailable: '50%' },
      },
      3,
      { maxSurge: 2, maxUnavailable: 1 },
    ],
    [
      {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 0, maxUnavailable: 0 },
      },
      3,
      { maxSurge: 0, maxUnavailable: 1 },
    ],
    [{ type: 'Recreate' }, 3, { maxSurge: 0, maxUnavailable: 3 }],
  ])('%j with %d replicas', (strategy, replicas, expected) => {
    expect(rolloutBudget(strategy, replicas)).toEqual(expected);
  });

  it('resolves percentages like intstr.GetScaledValueFromIntOrPercent', () => {
    expect(resolveIntOrPercent('25%', 10, true, '0')).toBe(3);
    expect(resolveIntOrPercent('25%', 10, false, '0')).toBe(2);
  });
});

describe('deploymentConditions', () => {
  const base = {
    replicas: 3,
    updatedReplicas: 3,
    availableReplicas: 3,
    maxUnavailable: 0,
    newReplicaSetName: 'web-5d9f8',
    secondsSinceProgress: 0,
    progressDeadlineSeconds: 600,
  };

  it.each([
    [
      'complete',
      {},
      ['True', 'MinimumReplicasAvailable'],
      ['True', 'NewReplicaSetAvailable'],
    ],
    [
      'one pod not available',
      { availableReplicas: 2 },
      ['False', 'MinimumReplicasUnavailable'],
      ['True', 'ReplicaSetUpdated'],
    ],
    [
      'stuck past the deadline',
      { availableReplicas: 2, secondsSinceProgress: 601 },
      ['False', 'MinimumReplicasUnavailable'],
      ['False', 'ProgressDeadlineExceeded'],
    ],
    [
      'within maxUnavailable',
      { availableReplicas: 2, maxUnavailable: 1 },
      ['True', 'MinimumReplicasAvailable'],
      ['True', 'ReplicaSetUpdated'],
    ],
  ])('%s', (_name, change, available, progressing) => {
    const [a, p] = deploymentConditions({ ...base, ...change });
    expect([a.status, a.reason]).toEqual(available);
    expect([p.status, p.reason]).toEqual(progressing);
  });

  it('copies a ReplicaSet creation failure', () => {
    const conditions = deploymentConditions({
      ...base,
      availableReplicas: 0,
      replicaFailure: {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: 'exceeded quota',
      },
    });
    expect(conditions[2]).toEqual({
      type: 'ReplicaFailure',
      status: 'True',
      reason: 'FailedCreate',
      message: 'exceeded quota',
    });
  });
});
