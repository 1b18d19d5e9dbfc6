import { editDistance, respelledKey, suggestKey, unknownKeyIssue } from '../src/request/unknown-keys';

const known = ['DBClusterId', 'DatasetPath', 'EvalDatasetPath', 'TaskName', 'ZoneId', 'VPCId', 'RegionId'];

describe('suggestKey', () => {
  it.each([
    ['dbClusterId', 'DBClusterId'],
    ['DBCLUSTERID', 'DBClusterId'],
    ['db_cluster_id', 'DBClusterId'],
    ['vpc-id', 'VPCId'],
    ['DatasetPth', 'DatasetPath'],
    ['DatasetPaths', 'DatasetPath'],
    ['TaksName', 'TaskName'],
    ['EvalDataSetPat', 'EvalDatasetPath'],
    ['ZonId', 'ZoneId'],
    ['DBCluster', 'DBClusterId'],
  ])('suggests for %s: %s', (key, expected) => {
    expect(suggestKey(key, known)).toBe(expected);
  });

  it.each(['ClientToken', 'Zone', 'Name', 'Cluster', 'OwnerId'])('suggests nothing for %s', (key) => {
    expect(suggestKey(key, known)).toBeUndefined();
  });

  it('suggests nothing when two names are equally close', () => {
    expect(suggestKey('ab', ['ax', 'xb'])).toBeUndefined();
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['taskname', 'taksname', 1],
    ['abc', 'abc', 0],
  ])('from %j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('respelledKey', () => {
  const documented = ['learning_rate', 'num_epochs', 'lora_rank'];

  it.each([
    ['Learning_Rate', 'learning_rate'],
    ['learningRate', 'learning_rate'],
    ['learning-rate', 'learning_rate'],
    ['NUM_EPOCHS', 'num_epochs'],
    ['LoraRank', 'lora_rank'],
  ])('finds %s to be %s spelt another way', (key, expected) => {
    expect(respelledKey(key, documented)).toBe(expected);
  });

  it.each(['learning_rate', 'learning_rat', 'num_epoch', 'lr', 'seed'])(
    'finds nothing for %s, which is exact or not only a respelling',
    (key) => {
      expect(respelledKey(key, documented)).toBeUndefined();
    },
  );
});

describe('unknownKeyIssue', () => {
  const parameters = { parent: [], noun: 'a CreateAIDBClusterTask parameter', keys: known };

  it('names the key, with a suggestion only when there is one', () => {
    expect(unknownKeyIssue('zoneid', parameters)).toEqual({
      path: 'zoneid',
      message: "is not a CreateAIDBClusterTask parameter; did you mean 'ZoneId'?",
    });
    expect(unknownKeyIssue('OwnerId', parameters)).toEqual({
      path: 'OwnerId',
      message: 'is not a CreateAIDBClusterTask parameter',
    });
  });

  it('addresses the key from its parent and names what the known keys are', () => {
    const polling = { parent: ['polling'], noun: 'a polling option', keys: ['initialIntervalSeconds'] };

    expect(unknownKeyIssue('InitialIntervalSeconds', polling)).toEqual({
      path: 'polling.InitialIntervalSeconds',
      message: "is not a polling option; did you mean 'initialIntervalSeconds'?",
    });
  });
});
