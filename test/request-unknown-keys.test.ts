import { editDistance, suggestKey, unknownKeyIssue } from '../src/request/unknown-keys';

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

describe('unknownKeyIssue', () => {
  it('names the key, with a suggestion only when there is one', () => {
    expect(unknownKeyIssue('zoneid', known)).toEqual({
      path: 'zoneid',
      message: "is not a CreateAIDBClusterTask parameter; did you mean 'ZoneId'?",
    });
    expect(unknownKeyIssue('OwnerId', known)).toEqual({
      path: 'OwnerId',
      message: 'is not a CreateAIDBClusterTask parameter',
    });
  });
});
